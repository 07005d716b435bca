package kata.support.report;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Which kata a test run belongs to. {@code kata.properties} on the test class path (written by the
 * grader's {@code publish}) gives its title, the order of its public checks, and how many points its
 * hidden checks are worth; without it the module folder names the kata.
 *
 * @param slug         the kata's folder name
 * @param title        its title
 * @param hiddenPoints points of the checks only the instructor's grader runs, or null if unknown
 * @param order        the public checks' ids in the order students read them (may be empty)
 */
record Kata(String slug, String title, Double hiddenPoints, List<String> order) {

    /** Puts the outcomes (by check id) in reading order; unknown ids keep their place at the end. */
    void sort(Map<String, CheckOutcome> outcomes) {
        Map<String, CheckOutcome> sorted = new LinkedHashMap<>();
        order.stream().filter(outcomes::containsKey).forEach(id -> sorted.put(id, outcomes.get(id)));
        outcomes.forEach(sorted::putIfAbsent);
        outcomes.clear();
        outcomes.putAll(sorted);
    }

    static Kata describe(Path moduleDirectory) {
        String folder = moduleDirectory.getFileName() == null ? "kata" : moduleDirectory.getFileName().toString();
        Properties properties = new Properties();
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream("kata.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            // no description: fall back to the folder name
        }
        String hidden = properties.getProperty("hidden.points");
        String checks = properties.getProperty("checks", "");
        return new Kata(properties.getProperty("slug", folder), properties.getProperty("title", folder),
                hidden == null || hidden.isBlank() ? null : Double.valueOf(hidden),
                checks.isBlank() ? List.of() : List.of(checks.split(",")));
    }
}
