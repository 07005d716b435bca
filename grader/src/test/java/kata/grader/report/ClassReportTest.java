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
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import kata.grader.classresults.ClassResults;
import kata.grader.classresults.RowStatus;
import kata.grader.classresults.SimilarPair;
import kata.grader.classresults.Similarity;
import kata.grader.classresults.StudentRow;
import kata.grader.export.Cards;
import kata.support.score.CheckResult;
import kata.support.score.ExerciseResult;
import kata.support.score.Scorecard;
import kata.support.score.Student;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The class report as an instructor sees it: rendered by headless Chromium (Debian's
 * {@code chromium}, which {@code .ci/run} installs), with the network unreachable, its script run.
 */
class ClassReportTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

    private static Student in(String name, String section) {
        return Cards.student(name, null, null, null, null, section);
    }

    /** A card of someone who handed in the stub of fix-the-race: its checks fail with the stub's message. */
    private static Scorecard stub(String id) {
        Scorecard mixed = Cards.mixed(id, null, NOW);
        List<ExerciseResult> exercises = new ArrayList<>();
        for (ExerciseResult e : mixed.exercises()) {
            List<CheckResult> checks = e.checks().stream().map(c -> c.id().equals("two-increments")
                    ? new CheckResult(c.id(), c.name(), c.kind(), c.visibility(), c.status(), 0, c.maxPoints(),
                    "Counter.increment() is not written yet", 0, "", false, null) : c).toList();
            exercises.add(new ExerciseResult(e.slug(), e.title(), e.status(), e.score(), e.maxScore(), e.message(),
                    e.durationMillis(), checks));
        }
        return new Scorecard(mixed.schemaVersion(), mixed.grader(), id, null, NOW, mixed.environment(), 3, 15,
                exercises);
    }

    private static ClassResults aClass() {
        Student mallory = Cards.student("<script>alert(1)</script>", null, null, null, null, "Section B");
        List<StudentRow> rows = List.of(
                new StudentRow("alice", in("Alice Martin", "Section A"), RowStatus.GRADED, "",
                        Cards.mixed("alice", null, NOW)),
                new StudentRow("bob", in("Bob Li", "Section B"), RowStatus.GRADED, "", Cards.perfect("bob", null, NOW)),
                new StudentRow("carol", null, RowStatus.GRADED, "not in the roster", Cards.mixed("carol", null, NOW)),
                new StudentRow("mallory", mallory, RowStatus.GRADED, "", Cards.perfect("mallory", mallory, NOW)),
                new StudentRow("sam", in("Sam Stub", "Section A"), RowStatus.GRADED, "", stub("sam"),
                        Set.of("fix-the-race")),
                new StudentRow("tom", in("Tom Stub", "Section A"), RowStatus.GRADED, "", stub("tom"),
                        Set.of("fix-the-race")),
                new StudentRow("uma", in("Uma Stub", "Section B"), RowStatus.GRADED, "", stub("uma"),
                        Set.of("fix-the-race")),
                new StudentRow("una", in("Una Zip", "Section B"), RowStatus.UNREADABLE,
                        "archive refused: una.zip is not a readable zip archive", Cards.unreadable("una", NOW)),
                new StudentRow("zed", in("Zed Ray", "Section A"), RowStatus.NOT_SUBMITTED, "", null));
        SimilarPair pair = new SimilarPair("fix-the-race", "alice", "carol", 0.93, 52, List.of(new SimilarPair.Region(
                new SimilarPair.Excerpt("kata/race/Counter.java", 7, 9, "void increment() {\n  count++;\n}"),
                new SimilarPair.Excerpt("kata/race/Counter.java", 12, 14, "void increment() {\n  total++;\n}"), 14)));
        Similarity similarity = new Similarity(0.6, List.of(new Similarity.Compared("fix-the-race", 4)),
                List.of(pair), List.of());
        return ClassResults.of("Lab 1", NOW, "1/1", rows, similarity);
    }

    @Test
    void theReportFetchesNothingAndEscapesWhatStudentsWrote() {
        String html = ClassReport.render(ClassResults.of("Lab <1>", NOW, "1/1", aClass().rows(), null));

        assertFalse(Pattern.compile("src\\s*=|href\\s*=\\s*\"[^#]|url\\(|@import|<link|<script[^>]*src",
                Pattern.CASE_INSENSITIVE).matcher(html).find(), "the report must be one self-contained file");
        assertTrue(html.contains("<title>Lab &lt;1&gt;</title>"));
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assertFalse(html.contains("<script>alert(1)"));
    }

    @Test
    void chromiumShowsTheGridWithWhoNeedsHelpFirstAndWhatTheClassGetsWrong(@TempDir Path dir) throws Exception {
        Path chromium = chromiumOrSkip();
        Path report = Files.writeString(dir.resolve("report.html"), ClassReport.render(aClass()));

        String dom = run(chromium, dir, "--dump-dom", report.toUri().toString());

        assertTrue(dom.contains("9 students: 7 graded, 1 not submitted, 1 could not be graded (1 unreadable"
                + " archive). 1 entry is not in the roster."), dom);
        // Who could not be graded or submitted nothing first, then the lowest totals.
        assertEquals(List.of("una", "zed", "alice", "carol", "sam", "tom", "uma", "mallory", "bob"),
                matches(dom, "<tr data-entry=\"([^\"]+)\"", 1));
        assertEquals("9 of 9 students shown", text(dom, "<span class=\"meta\" id=\"shown\">([^<]*)</span>"));
        // alice: a partial score on fix-the-race, code that does not compile on break-the-deadlock.
        String alice = row(dom, "alice");
        assertTrue(alice.contains("class=\"cell partial\"") && alice.contains(">3</td>"), alice);
        assertTrue(alice.contains("class=\"cell does-not-compile\"") && alice.contains("✗"), alice);
        assertTrue(row(dom, "sam").contains("class=\"cell untouched\""), row(dom, "sam"));
        assertTrue(row(dom, "zed").contains("nothing submitted"), row(dom, "zed"));
        // What the class gets wrong: the three untouched stubs are counted apart, so the typical
        // message is the race's, not the stub's.
        String race = section(dom, "<div class=\"kata-wrong\" data-kata=\"fix-the-race\">", "</div>");
        assertTrue(race.contains("4 attempts ran, 3 untouched stubs, 0 do not compile, 0 not submitted"), race);
        assertTrue(race.contains("<td class=\"count\">2 of 4</td><td><code>Lost an update: expected 2 but was 1</code>"
                + "</td><td class=\"count\">2</td>"), race);
        assertFalse(race.contains("not written yet"), race);
        // Similar submissions, side by side.
        assertTrue(dom.contains("data-first=\"alice\" data-second=\"carol\""), dom);
        assertTrue(dom.contains("count++;") && dom.contains("total++;"), dom);
        // Each student's page, hidden checks included.
        String page = section(dom, "<article class=\"student\" id=\"student-alice\"", "</article>");
        assertTrue(page.contains("No sleeping") && page.contains("hidden"), page);
        assertTrue(page.contains("step 1: worker-1 read count = 0"), page);
        // The failing schedule as lanes, a column per thread, the last step marked; names escaped.
        assertTrue(page.contains("<th>worker-1</th><th>worker-&lt;2&gt;</th>"), page);
        assertTrue(page.contains("<tr class=\"broke\"><td class=\"n\">4</td><td class=\"step\">writes Counter.count"
                + "<br><span class=\"at\">Counter.java:12</span></td><td></td></tr>"), page);
        assertTrue(dom.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "escaped, not run");
    }

    @Test
    void theSectionFilterAndTheOrderComeFromTheAddressSoAViewCanBeBookmarked(@TempDir Path dir) throws Exception {
        Path chromium = chromiumOrSkip();
        Path report = Files.writeString(dir.resolve("report.html"), ClassReport.render(aClass()));

        String dom = run(chromium, dir, "--dump-dom", report.toUri() + "?section=Section%20A&order=name");

        List<String> shown = new ArrayList<>();
        Matcher rows = Pattern.compile("<tr data-entry=\"([^\"]+)\"[^>]*?( hidden=\"\")?>").matcher(dom);
        while (rows.find()) {
            if (rows.group(2) == null) {
                shown.add(rows.group(1));
            }
        }
        assertEquals(List.of("alice", "sam", "tom", "zed"), shown, "section A, by name");
        assertEquals("4 of 9 students shown", text(dom, "<span class=\"meta\" id=\"shown\">([^<]*)</span>"));
    }

    @Test
    void aScreenshotShowsTheGridAsAHeatMap(@TempDir Path dir) throws Exception {
        Path chromium = chromiumOrSkip();
        Path report = Files.writeString(dir.resolve("report.html"), ClassReport.render(aClass()));

        run(chromium, dir, "--screenshot=" + dir.resolve("shot.png"), "--window-size=1280,900", report.toUri().toString());

        BufferedImage shot = ImageIO.read(dir.resolve("shot.png").toFile());
        // Full marks (bob, mallory), no point (alice's break-the-deadlock) and no attempt (zed) are drawn
        // with the grid's own colours, in the first screen.
        assertTrue(area(shot, ClassReport.FULL) > 500, "full-marks cells drawn");
        assertTrue(area(shot, ClassReport.ZERO) > 500, "no-point cells drawn");
        assertTrue(area(shot, ClassReport.NONE) > 500, "no-attempt cells drawn");
        assertTrue(area(shot, ClassReport.LOW) > 300, "partial cells drawn");
    }

    private static String row(String dom, String entry) {
        return section(dom, "<tr data-entry=\"" + entry + "\"", "</tr>");
    }

    private static String section(String text, String start, String end) {
        int from = text.indexOf(start);
        assertTrue(from >= 0, "no " + start);
        return text.substring(from, text.indexOf(end, from));
    }

    private static String text(String dom, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(dom);
        assertTrue(matcher.find(), regex);
        return matcher.group(1);
    }

    private static List<String> matches(String text, String regex, int group) {
        List<String> found = new ArrayList<>();
        Matcher matcher = Pattern.compile(regex).matcher(text);
        while (matcher.find()) {
            found.add(matcher.group(group));
        }
        return found;
    }

    /** How many pixels have this colour ("#rrggbb"). */
    private static int area(BufferedImage image, String colour) {
        int rgb = Integer.parseInt(colour.substring(1), 16);
        int count = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xffffff) == rgb) {
                    count++;
                }
            }
        }
        return count;
    }

    private static Path chromiumOrSkip() {
        Optional<Path> chromium = chromium();
        assumeTrue(chromium.isPresent(), "chromium is not installed (Debian: apt-get install -y chromium; .ci/run"
                + " installs it): the rendered report is not checked");
        return chromium.get();
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
