package kata.support.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import kata.support.Graded;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * The student's own run of a kata's public checks ({@code mvn verify}): collects the result of
 * every {@code @Graded} test and rule, prints the kata's table, and writes {@code scorecard.json} in
 * the grader's format (hidden checks absent: the instructor's grader runs those later).
 *
 * <p>Registered as a JUnit Platform listener, it only acts when the system property
 * {@code kata.scorecard.dir} names where to write (the student repository's pom sets it; the
 * grader's own test JVM does not).
 */
public final class StudentScorecard implements TestExecutionListener {

    static final String DIRECTORY = "kata.scorecard.dir";
    static final String RESULT = "kata-result.properties";
    static final String EXERCISE = "kata-exercise.json";
    static final String RULES_WAIT = "Not graded yet: rules judge how working code is built, so they count once"
            + " at least one test of this kata passes.";

    private final Map<String, CheckOutcome> outcomes = new LinkedHashMap<>();
    private final Map<String, Long> started = new LinkedHashMap<>();

    @Override
    public void executionStarted(TestIdentifier identifier) {
        started.putIfAbsent(identifier.getUniqueId(), System.nanoTime());
    }

    @Override
    public void executionSkipped(TestIdentifier identifier, String reason) {
        record(identifier, false, "Skipped: " + reason);
    }

    @Override
    public void executionFinished(TestIdentifier identifier, TestExecutionResult result) {
        boolean passed = result.getStatus() == TestExecutionResult.Status.SUCCESSFUL;
        String message = passed ? "" : result.getThrowable().map(StudentScorecard::describe).orElse("failed");
        record(identifier, passed, message);
    }

    @Override
    public void testPlanExecutionFinished(TestPlan plan) {
        String directory = System.getProperty(DIRECTORY);
        if (directory == null || outcomes.isEmpty()) {
            return;
        }
        Kata kata = Kata.describe(Path.of("").toAbsolutePath());
        kata.sort(outcomes);
        waitRulesUntilATestPasses();
        Map<String, Object> exercise = exercise(kata);
        try {
            Path target = Path.of(directory);
            Files.createDirectories(target);
            Files.writeString(target.resolve(EXERCISE), Json.write(exercise), StandardCharsets.UTF_8);
            Files.writeString(target.resolve("scorecard.json"), Json.write(Scorecards.scorecard(List.of(exercise),
                    (Double) exercise.get("score"), (Double) exercise.get("max_score"))) + "\n", StandardCharsets.UTF_8);
            try (var out = Files.newBufferedWriter(target.resolve(RESULT), StandardCharsets.UTF_8)) {
                summary(kata).store(out, "this kata's public checks, for the summary of all katas");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the kata's scorecard to " + directory, e);
        }
        System.out.print(Table.kata(kata, new ArrayList<>(outcomes.values())));
    }

    /** As in the grader: rules judge how working code is built, so they count once a test passes. */
    private void waitRulesUntilATestPasses() {
        boolean anyTestPassed = outcomes.values().stream().anyMatch(o -> !o.rule() && o.passed());
        if (!anyTestPassed) {
            outcomes.replaceAll((id, o) -> o.rule() ? new CheckOutcome(o.graded(), o.name(), true, false,
                    RULES_WAIT, o.millis()) : o);
        }
    }

    private void record(TestIdentifier identifier, boolean passed, String message) {
        Optional<AnnotatedElement> element = element(identifier.getSource().orElse(null));
        Graded graded = element.map(e -> e.getAnnotation(Graded.class)).orElse(null);
        if (graded == null) {
            return;
        }
        Long start = started.get(identifier.getUniqueId());
        long millis = start == null ? 0 : (System.nanoTime() - start) / 1_000_000;
        String name = !graded.name().isBlank() ? graded.name() : displayName(identifier);
        boolean rule = !(element.get() instanceof Method);
        CheckOutcome previous = outcomes.get(graded.id());
        if (previous != null) {
            // A parameterized test reports each invocation and then itself: it passes when all do.
            passed = passed && previous.passed();
            message = previous.passed() ? message : previous.message();
            millis = Math.max(millis, previous.millis());
        }
        outcomes.put(graded.id(), new CheckOutcome(graded, name, rule, passed, message, millis));
    }

    private static String displayName(TestIdentifier identifier) {
        String name = identifier.getDisplayName();
        return name.endsWith("()") ? name.substring(0, name.length() - 2) : name;
    }

    /** The test method, or the rule field (ArchUnit reports a field source of its own). */
    private static Optional<AnnotatedElement> element(TestSource source) {
        if (source instanceof MethodSource method) {
            try {
                return Optional.of(method.getJavaMethod());
            } catch (RuntimeException e) {
                return Optional.empty();
            }
        }
        if (source == null) {
            return Optional.empty();
        }
        try {
            Class<?> type = (Class<?>) source.getClass().getMethod("getJavaClass").invoke(source);
            String field = (String) source.getClass().getMethod("getFieldName").invoke(source);
            return Optional.of(type.getDeclaredField(field));
        } catch (ReflectiveOperationException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static String describe(Throwable thrown) {
        if (thrown instanceof AssertionError) {
            return String.valueOf(thrown.getMessage());
        }
        return thrown.getClass().getSimpleName() + (thrown.getMessage() == null ? "" : ": " + thrown.getMessage());
    }

    private Map<String, Object> exercise(Kata kata) {
        List<Object> checks = new ArrayList<>();
        double score = 0;
        double max = 0;
        long duration = 0;
        for (CheckOutcome outcome : outcomes.values()) {
            double points = outcome.passed() ? outcome.graded().points() : 0;
            score += points;
            max += outcome.graded().points();
            duration += outcome.millis();
            Map<String, Object> check = new LinkedHashMap<>();
            check.put("id", outcome.graded().id());
            check.put("name", outcome.name());
            check.put("kind", outcome.rule() ? "rule" : "test");
            check.put("visibility", outcome.graded().visibility().name().toLowerCase(Locale.ROOT));
            check.put("status", outcome.passed() ? "passed" : RULES_WAIT.equals(outcome.message()) ? "skipped" : "failed");
            check.put("points", points);
            check.put("max_points", outcome.graded().points());
            check.put("message", outcome.message());
            check.put("duration_millis", outcome.millis());
            check.put("output", "");
            check.put("output_truncated", false);
            checks.add(check);
        }
        Map<String, Object> exercise = new LinkedHashMap<>();
        exercise.put("slug", kata.slug());
        exercise.put("title", kata.title());
        exercise.put("status", score == max ? "passed" : "failed");
        exercise.put("score", score);
        exercise.put("max_score", max);
        exercise.put("message", Table.summaryLine(kata, new ArrayList<>(outcomes.values())));
        exercise.put("duration_millis", duration);
        exercise.put("checks", checks);
        return exercise;
    }

    private Properties summary(Kata kata) {
        Properties properties = new Properties();
        List<CheckOutcome> all = new ArrayList<>(outcomes.values());
        properties.setProperty("slug", kata.slug());
        properties.setProperty("title", kata.title());
        properties.setProperty("checks", String.valueOf(all.size()));
        properties.setProperty("passed", String.valueOf(all.stream().filter(CheckOutcome::passed).count()));
        properties.setProperty("points", Table.number(all.stream().filter(CheckOutcome::passed)
                .mapToDouble(o -> o.graded().points()).sum()));
        properties.setProperty("max", Table.number(all.stream().mapToDouble(o -> o.graded().points()).sum()));
        properties.setProperty("hidden", kata.hiddenPoints() == null ? "" : Table.number(kata.hiddenPoints()));
        all.stream().filter(o -> !o.passed() && !o.rule()).findFirst().ifPresent(o -> {
            properties.setProperty("first-failure.id", o.graded().id());
            properties.setProperty("first-failure.message", o.message().lines().findFirst().orElse(""));
        });
        return properties;
    }

}
