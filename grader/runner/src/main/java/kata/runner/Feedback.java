package kata.runner;

import kata.support.agent.StudentCode;
import kata.support.interleave.InterleavingFailure;

/**
 * Turns what a check threw into words for the student. Test authors write the assertion messages;
 * this class covers everything else: unimplemented stubs, changed signatures, exceptions from the
 * student's code, and checks that could not be run soundly.
 */
final class Feedback {

    private Feedback() {
    }

    /** The most recent steps a scorecard keeps of a failing schedule: enough to see how it went wrong. */
    static final int SCHEDULE_STEPS = 100;

    static Verdict of(Throwable thrown) {
        try {
            Verdict verdict = words(thrown);
            return InterleavingFailure.in(thrown).map(InterleavingFailure::interleaving)
                    .filter(schedule -> !schedule.steps().isEmpty())
                    .map(schedule -> new Verdict(verdict.status(), verdict.message(),
                            schedule.lastSteps(SCHEDULE_STEPS)))
                    .orElse(verdict);
        } catch (RuntimeException | StackOverflowError unreadable) {
            // A throwable of the student's whose own getMessage(), getStackTrace() or getCause()
            // throws (or recurses) cannot be described; it must not end the test JVM either.
            return Verdict.failed("Your code threw " + thrown.getClass().getName() + ", and asking it for its message"
                    + " or its stack threw " + unreadable.getClass().getSimpleName() + " in turn: an exception's"
                    + " getMessage() must return, not throw.");
        }
    }

    private static Verdict words(Throwable thrown) {
        Throwable cause = unwrap(thrown);
        if (cause instanceof AssertionError) {
            return Verdict.failed(String.valueOf(cause.getMessage()));
        }
        if (cause instanceof UnsupportedOperationException && fromStudent(cause)) {
            return Verdict.failed(cause.getMessage() + in(cause));
        }
        if (cause instanceof LinkageError && !(cause instanceof ExceptionInInitializerError)
                && !(cause instanceof StackOverflowError)) {
            return Verdict.error("Your code does not match the exercise's API (" + cause.getClass().getSimpleName()
                    + ": " + cause.getMessage() + "). Keep the packages, class names and method signatures"
                    + " of the starting code.");
        }
        if (cause instanceof ExceptionInInitializerError && cause.getCause() != null) {
            return Verdict.failed("Initializing a class of yours threw " + describe(cause.getCause()));
        }
        if (cause instanceof StackOverflowError) {
            return Verdict.failed("Your code recursed without end (StackOverflowError)" + at(cause) + ".");
        }
        if (cause instanceof IllegalStateException && fromSupport(cause)) {
            return Verdict.error("This check could not run soundly: " + cause.getMessage());
        }
        if (fromStudent(cause)) {
            return Verdict.failed("Your code threw " + describe(cause));
        }
        return Verdict.failed("The check stopped with " + cause.getClass().getSimpleName()
                + (cause.getMessage() == null ? "" : ": " + cause.getMessage())
                + ". Your code probably returned or left something unexpected.");
    }

    static String describe(Throwable thrown) {
        return thrown.getClass().getSimpleName() + at(thrown)
                + (thrown.getMessage() == null ? "" : ": " + thrown.getMessage());
    }

    private static String in(Throwable thrown) {
        StackTraceElement frame = StudentCode.firstStudentFrame(thrown.getStackTrace());
        return frame == null ? "" : " (" + StudentCode.location(frame) + ")";
    }

    private static String at(Throwable thrown) {
        StackTraceElement frame = StudentCode.firstStudentFrame(thrown.getStackTrace());
        return frame == null ? "" : " at " + StudentCode.location(frame);
    }

    private static boolean fromStudent(Throwable thrown) {
        StackTraceElement[] stack = thrown.getStackTrace();
        return stack.length > 0 && StudentCode.isStudentClass(stack[0].getClassName());
    }

    private static boolean fromSupport(Throwable thrown) {
        StackTraceElement[] stack = thrown.getStackTrace();
        return stack.length > 0 && stack[0].getClassName().startsWith("kata.support.");
    }

    private static Throwable unwrap(Throwable thrown) {
        Throwable current = thrown;
        while ((current instanceof java.lang.reflect.InvocationTargetException
                || current instanceof java.util.concurrent.ExecutionException)
                && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }
}
