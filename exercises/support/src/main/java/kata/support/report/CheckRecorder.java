package kata.support.report;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import kata.support.Graded;
import kata.support.agent.StudentCode;
import kata.support.interleave.InterleavingFailure;
import kata.support.score.CheckKind;
import kata.support.score.CheckOutcome;
import kata.support.score.CheckStatus;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;

/**
 * Records the outcome of every {@code @Graded} test and rule of a JUnit Platform run, by check id,
 * and the checks it saw (for a kata whose description does not list them).
 */
final class CheckRecorder implements TestExecutionListener {

    private final Map<String, CheckOutcome> outcomes = new LinkedHashMap<>();
    private final Map<String, KataDescription.PublicCheck> seen = new LinkedHashMap<>();
    private final Map<String, Long> started = new LinkedHashMap<>();
    private final Path target;

    /** {@code target}: where pages of failing schedules go (its kata-interleavings folder), or null for none. */
    CheckRecorder(Path target) {
        this.target = target;
    }

    Map<String, CheckOutcome> outcomes() {
        return Map.copyOf(outcomes);
    }

    /** The checks that ran, in the order they reported. */
    List<KataDescription.PublicCheck> seen() {
        return List.copyOf(seen.values());
    }

    @Override
    public void executionStarted(TestIdentifier identifier) {
        started.putIfAbsent(identifier.getUniqueId(), System.nanoTime());
    }

    @Override
    public void executionSkipped(TestIdentifier identifier, String reason) {
        record(identifier, CheckStatus.SKIPPED, "Skipped: " + reason, null);
    }

    @Override
    public void executionFinished(TestIdentifier identifier, TestExecutionResult result) {
        Throwable thrown = result.getThrowable().map(CheckRecorder::unwrap).orElse(null);
        if (result.getStatus() == TestExecutionResult.Status.SUCCESSFUL) {
            record(identifier, CheckStatus.PASSED, "", null);
        } else if (thrown instanceof LinkageError && !(thrown instanceof ExceptionInInitializerError)
                && !(thrown instanceof StackOverflowError)) {
            record(identifier, CheckStatus.ERROR, "Your code does not match the kata's API (" + describe(thrown)
                    + "). Keep the packages, class names and method signatures of the starting code.", null);
        } else {
            record(identifier, CheckStatus.FAILED, thrown == null ? "failed" : describe(thrown), thrown);
        }
    }

    private void record(TestIdentifier identifier, CheckStatus status, String description, Throwable thrown) {
        Optional<AnnotatedElement> element = element(identifier.getSource().orElse(null));
        Graded graded = element.map(e -> e.getAnnotation(Graded.class)).orElse(null);
        if (graded == null) {
            return;
        }
        String message = description;
        Optional<InterleavingFailure> schedule = InterleavingFailure.in(thrown);
        if (target != null && schedule.isPresent()) {
            String title = !graded.name().isBlank() ? graded.name() : displayName(identifier);
            Optional<Path> page = InterleavingPage.write(target, graded.id(), title, schedule.get());
            if (page.isPresent()) {
                message += "\nEvery step of this schedule, thread by thread: " + page.get().toUri();
            }
        }
        Long start = started.get(identifier.getUniqueId());
        long millis = start == null ? 0 : (System.nanoTime() - start) / 1_000_000;
        CheckOutcome previous = outcomes.get(graded.id());
        if (previous != null && previous.status() != CheckStatus.PASSED) {
            // A parameterized test reports each invocation and then itself: the first problem stands.
            outcomes.put(graded.id(), new CheckOutcome(previous.status(), previous.message(),
                    Math.max(millis, previous.durationMillis()), "", false, null));
        } else {
            outcomes.put(graded.id(), new CheckOutcome(status, message, millis, "", false, null));
        }
        String name = !graded.name().isBlank() ? graded.name() : displayName(identifier);
        seen.putIfAbsent(graded.id(), new KataDescription.PublicCheck(graded.id(), name,
                element.get() instanceof Method ? CheckKind.TEST : CheckKind.RULE, graded.visibility(),
                graded.points()));
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

    /** An assertion in the check's own words; anything else by type, place in the student's code, message. */
    static String describe(Throwable thrown) {
        if (thrown instanceof AssertionError) {
            return String.valueOf(thrown.getMessage()).strip();
        }
        StackTraceElement frame = StudentCode.firstStudentFrame(thrown.getStackTrace());
        return thrown.getClass().getSimpleName() + (frame == null ? "" : " at " + StudentCode.location(frame))
                + (thrown.getMessage() == null ? "" : ": " + thrown.getMessage());
    }

    private static Throwable unwrap(Throwable thrown) {
        Throwable current = thrown;
        while ((current instanceof InvocationTargetException || current instanceof ExecutionException)
                && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }
}
