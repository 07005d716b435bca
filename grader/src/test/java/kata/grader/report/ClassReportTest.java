package kata.grader.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import kata.grader.export.Cards;
import kata.support.score.Student;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The class report as an instructor sees it: rendered by headless Chromium (Debian's
 * {@code chromium}, which {@code .ci/run} installs), with the network unreachable.
 */
class ClassReportTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    /** The distribution bars' colour in the report's inline stylesheet. */
    private static final int BAR_RGB = 0x3a7bd5;

    private static List<ClassReport.Entry> aClass() {
        Student mallory = Cards.student("<script>alert(1)</script>", null, null, null, null, null);
        return List.of(
                new ClassReport.Entry("alice", Cards.alice(), "graded", "", Cards.mixed("alice", Cards.alice(), NOW)),
                new ClassReport.Entry("bob", Cards.bob(), "graded", "", Cards.perfect("bob", Cards.bob(), NOW)),
                new ClassReport.Entry("carol", null, "graded", "not in the roster",
                        Cards.mixed("carol", null, NOW)),
                new ClassReport.Entry("mallory", mallory, "graded", "", Cards.perfect("mallory", mallory, NOW)),
                new ClassReport.Entry("zed", Cards.student("Zed Ray", null, null, null, null, null),
                        "not_submitted", "", null));
    }

    @Test
    void theReportFetchesNothingAndEscapesWhatStudentsWrote() {
        String html = ClassReport.render("Lab <1>", NOW, aClass());

        assertFalse(Pattern.compile("(src|href)\\s*=|url\\(|@import|<script|<link", Pattern.CASE_INSENSITIVE)
                .matcher(html.replace("&lt;script&gt;", "")).find(), "the report must be one self-contained file");
        assertTrue(html.contains("<title>Lab &lt;1&gt;</title>"));
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    }

    @Test
    void chromiumRendersTheDistributionTheFailingChecksAndEveryStudent(@TempDir Path dir) throws Exception {
        Optional<Path> chromium = chromium();
        assumeTrue(chromium.isPresent(), "chromium is not installed (Debian: apt-get install -y chromium; .ci/run"
                + " installs it): the rendered report is not checked");
        Path report = Files.writeString(dir.resolve("report.html"), ClassReport.render("Lab 1", NOW, aClass()));

        String dom = run(chromium.get(), dir, "--dump-dom", report.toUri().toString());
        run(chromium.get(), dir, "--screenshot=" + dir.resolve("shot.png"), "--window-size=1200,900",
                report.toUri().toString());

        assertTrue(dom.contains("<h1>Lab 1</h1>"), dom);
        assertTrue(dom.contains("5 students: 4 graded, 1 not submitted, 0 could not be graded."), dom);
        // Fix the race: alice and carol 3 of 10 (25-49%), bob and mallory 10 of 10.
        assertEquals(List.of("0", "0", "2", "0", "0", "2"), counts(dom, "fix-the-race"));
        // Break the deadlock: alice and carol 0 of 5, bob and mallory 5 of 5.
        assertEquals(List.of("2", "0", "0", "0", "0", "2"), counts(dom, "break-the-deadlock"));
        List<String> failing = matches(dom, "<tr class=\"failing\"><td>([^<]*)</td><td>([^<]*)</td>"
                + "<td class=\"count\">([^<]*)</td>", 2, 3);
        // The checks of the exercise that did not compile say nothing and are left out.
        assertEquals(List.of("Check two-increments: 2 of 4", "Check five-workers: 2 of 4"), failing);
        assertTrue(dom.contains("Lost an update: expected 2 but was 1"), "typical message shown");
        assertEquals(List.of("alice", "bob", "carol", "mallory", "zed"),
                matches(dom, "<details class=\"student [a-z_]+\" data-entry=\"([^\"]+)\"", 1));
        assertTrue(dom.contains("<span class=\"name\">Alice Martin</span>"), dom);
        assertTrue(dom.contains("<span class=\"note\">not in the roster</span>"), dom);
        assertTrue(dom.contains("<span class=\"total\">not submitted</span>"), dom);
        assertTrue(dom.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "escaped, not run");
        assertTrue(hasPixel(ImageIO.read(dir.resolve("shot.png").toFile()), BAR_RGB),
                "the distribution bars are drawn with the report's own inline style");
    }

    private static List<String> counts(String dom, String exercise) {
        int start = dom.indexOf("data-exercise=\"" + exercise + "\"");
        assertTrue(start >= 0, "no chart for " + exercise);
        String chart = dom.substring(start, dom.indexOf("</figure>", start));
        return matches(chart, "<td class=\"count\">(\\d+)</td>", 1);
    }

    private static List<String> matches(String text, String regex, int... groups) {
        List<String> found = new ArrayList<>();
        Matcher matcher = Pattern.compile(regex).matcher(text);
        while (matcher.find()) {
            List<String> parts = new ArrayList<>();
            for (int group : groups) {
                parts.add(matcher.group(group));
            }
            found.add(String.join(": ", parts));
        }
        return found;
    }

    private static boolean hasPixel(BufferedImage image, int rgb) {
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xffffff) == rgb) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Debian's chromium, or another Chromium build on the PATH. */
    private static Optional<Path> chromium() {
        String path = System.getenv().getOrDefault("PATH", "");
        return Stream.of("chromium", "chromium-browser", "google-chrome")
                .flatMap(name -> Stream.of(path.split(File.pathSeparator)).map(d -> Path.of(d, name)))
                .filter(Files::isExecutable).findFirst();
    }

    /**
     * Runs headless Chromium with every network request sent to a closed port, so a report that
     * needed a CDN would render without it (and fail the assertions).
     */
    private static String run(Path chromium, Path dir, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(chromium.toString(), "--headless", "--no-sandbox",
                "--disable-gpu", "--hide-scrollbars", "--no-first-run", "--user-data-dir=" + dir.resolve("profile"),
                "--proxy-server=127.0.0.1:9", "--host-resolver-rules=MAP * ~NOTFOUND"));
        command.addAll(List.of(args));
        Path out = dir.resolve("chromium.out");
        Path err = dir.resolve("chromium.err");
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectOutput(out.toFile())
                .redirectError(err.toFile()).start();
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("chromium did not finish in 2 minutes: " + Files.readString(err));
        }
        assertEquals(0, process.exitValue(), () -> "chromium failed: " + readQuietly(err));
        return Files.readString(out, StandardCharsets.UTF_8);
    }

    private static String readQuietly(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return e.toString();
        }
    }
}
