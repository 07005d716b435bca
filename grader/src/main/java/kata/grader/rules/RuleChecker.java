package kata.grader.rules;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kata.grader.course.CheckSpec;
import kata.grader.course.TestBundle;
import kata.support.score.CheckOutcome;
import kata.support.score.CheckStatus;

/**
 * Evaluates an exercise's ArchUnit rules on the student's compiled classes, in the grader's own
 * JVM: rules only read bytecode, so no student code runs here.
 */
public final class RuleChecker {

    /** Violations listed per rule; the rest are counted. */
    private static final int MAX_VIOLATIONS = 8;

    private RuleChecker() {
    }

    public static Map<String, CheckOutcome> evaluate(TestBundle bundle, List<CheckSpec> rules, Path studentClasses) {
        Map<String, CheckOutcome> outcomes = new LinkedHashMap<>();
        if (rules.isEmpty()) {
            return outcomes;
        }
        JavaClasses classes = new ClassFileImporter().importPath(studentClasses);
        try (URLClassLoader loader = new URLClassLoader(new URL[] {url(bundle.testClasses()), url(bundle.stubClasses())},
                RuleChecker.class.getClassLoader())) {
            for (CheckSpec rule : rules) {
                long start = System.nanoTime();
                CheckOutcome outcome = evaluate(loader, rule, classes);
                long millis = (System.nanoTime() - start) / 1_000_000;
                outcomes.put(rule.id(), new CheckOutcome(outcome.status(), outcome.message(), millis, "", false, null));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return outcomes;
    }

    private static CheckOutcome evaluate(ClassLoader loader, CheckSpec spec, JavaClasses classes) {
        ArchRule rule;
        try {
            Field field = Class.forName(spec.className(), true, loader).getDeclaredField(spec.member());
            if (!Modifier.isStatic(field.getModifiers())) {
                return CheckOutcome.of(CheckStatus.ERROR, "rule field is not static: " + spec.member());
            }
            field.setAccessible(true);
            rule = (ArchRule) field.get(null);
        } catch (ReflectiveOperationException | LinkageError | ClassCastException e) {
            return CheckOutcome.of(CheckStatus.ERROR, "The grader could not load this rule (" + e + ").");
        }
        EvaluationResult result;
        try {
            result = rule.evaluate(classes);
        } catch (RuntimeException | AssertionError e) {
            return CheckOutcome.of(CheckStatus.ERROR, "The grader could not evaluate this rule: " + e.getMessage());
        }
        if (!result.hasViolation()) {
            return CheckOutcome.of(CheckStatus.PASSED, "");
        }
        List<String> details = result.getFailureReport().getDetails();
        StringBuilder message = new StringBuilder("Rule broken: ").append(rule.getDescription());
        details.stream().limit(MAX_VIOLATIONS).forEach(d -> message.append("\n  - ").append(d));
        if (details.size() > MAX_VIOLATIONS) {
            message.append("\n  ... and ").append(details.size() - MAX_VIOLATIONS).append(" more");
        }
        return CheckOutcome.of(CheckStatus.FAILED, message.toString());
    }

    private static URL url(Path path) {
        try {
            return path.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }
}
