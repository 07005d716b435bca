package kata.support.report;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs last in the student repository's {@code mvn verify}: prints one line per kata and writes
 * {@code target/scorecard.json} for all of them. Katas are read in the order of the root pom's
 * modules; a kata that was not built (or whose tests did not run) is left out.
 */
public final class Summary {

    private static final Pattern MODULE = Pattern.compile("<module>([^<]+)</module>");

    private Summary() {
    }

    public static void main(String[] args) throws IOException {
        Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        List<Properties> katas = new ArrayList<>();
        List<Json.Raw> exercises = new ArrayList<>();
        for (String module : modules(root)) {
            Path target = root.resolve(module).resolve("target");
            if (!Files.isRegularFile(target.resolve(StudentScorecard.RESULT))) {
                continue;
            }
            Properties kata = new Properties();
            try (Reader in = Files.newBufferedReader(target.resolve(StudentScorecard.RESULT), StandardCharsets.UTF_8)) {
                kata.load(in);
            }
            katas.add(kata);
            exercises.add(new Json.Raw(Files.readString(target.resolve(StudentScorecard.EXERCISE),
                    StandardCharsets.UTF_8)));
        }
        System.out.print(table(katas));
        Path scorecard = root.resolve("target").resolve("scorecard.json");
        Files.createDirectories(scorecard.getParent());
        double points = katas.stream().mapToDouble(k -> Double.parseDouble(k.getProperty("points"))).sum();
        double max = katas.stream().mapToDouble(k -> Double.parseDouble(k.getProperty("max"))).sum();
        Files.writeString(scorecard, Json.write(Scorecards.scorecard(exercises, points, max)) + "\n",
                StandardCharsets.UTF_8);
        System.out.println("Scorecard of your public checks: " + scorecard);
    }

    static String table(List<Properties> katas) {
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
                "%nYour katas (public checks; hidden checks are graded later by your instructor)%n"
                        + "  %-22s %8s %8s %8s  %s%n", "kata", "checks", "points", "hidden", "start with"));
        double points = 0;
        double max = 0;
        for (Properties kata : katas) {
            points += Double.parseDouble(kata.getProperty("points"));
            max += Double.parseDouble(kata.getProperty("max"));
            text.append(String.format(Locale.ROOT, "  %-22s %8s %8s %8s  %s%n", kata.getProperty("slug"),
                    kata.getProperty("passed") + "/" + kata.getProperty("checks"),
                    kata.getProperty("points") + "/" + kata.getProperty("max"),
                    kata.getProperty("hidden", ""), kata.getProperty("first-failure.id", "-")));
        }
        text.append(String.format(Locale.ROOT, "  %-22s %8s %8s%n", "total", "",
                Table.number(points) + "/" + Table.number(max)));
        return text.toString();
    }

    private static List<String> modules(Path root) throws IOException {
        List<String> modules = new ArrayList<>();
        Matcher matcher = MODULE.matcher(Files.readString(root.resolve("pom.xml"), StandardCharsets.UTF_8));
        while (matcher.find()) {
            modules.add(matcher.group(1).trim());
        }
        return modules;
    }
}
