package kata.worker;

import java.lang.management.ManagementFactory;
import java.util.Set;
import javax.management.ObjectName;

/**
 * Whether the JIT has compiled the student's loop: the HotSpot diagnostic command
 * {@code Compiler.codelist} lists every compiled method with its tier. A hot check stops the worker
 * only once a method of the student's classes runs as C2 code (tier 4), so that a check on a loaded
 * machine, whose compiler threads got little CPU, does not stop a loop that is still interpreted.
 * The list names methods by class name alone: code compiled for an earlier copy of the student's
 * classes (the grader loads fresh copies after a check left idle threads behind) does not count.
 * Those copies compiled before this class was initialized, which {@link TestChore} does before any
 * check of this copy runs student code: every check's worker gets a TestChore first.
 */
final class Jit {

    /** The checks' own helper classes in kata.worker: their compiled methods do not count. */
    private static final Set<String> CHECK_CLASSES = Set.of("Boss", "Eventually", "Hold", "Jit", "TestChore");
    private static final int C2 = 4;
    private static final int IN_USE = 0;
    /** The latest compilation of a student method before this copy of the classes was loaded. */
    static final long EARLIER_COPIES = latestStudentCompilation(false);

    private Jit() {
    }

    /** Initializes this class: from now on, only compilations of this copy of the student's classes count. */
    static void ignoreEarlierCopies() {
        // the class initializer did it
    }

    /**
     * True once a method of the student's classes is compiled by C2 and in use; also true when the
     * JVM cannot say (no diagnostic command), so that the check then relies on CPU time alone.
     */
    static boolean studentCodeCompiled() {
        return latestStudentCompilation(true) > EARLIER_COPIES;
    }

    /**
     * The highest compile id of a method of the student's classes (only C2 code in use when
     * {@code inUseByC2}); -1 when there is none, {@link Long#MAX_VALUE} when the JVM cannot say.
     */
    private static long latestStudentCompilation(boolean inUseByC2) {
        String list;
        try {
            list = (String) ManagementFactory.getPlatformMBeanServer().invoke(
                    new ObjectName("com.sun.management:type=DiagnosticCommand"), "compilerCodelist", null, null);
        } catch (Exception | LinkageError unavailable) {
            return inUseByC2 ? Long.MAX_VALUE : -1;
        }
        long latest = -1;
        for (String line : list.split("\n")) {
            // "<compile id> <tier> <state> kata.worker.Worker.lambda$start$0()V [...]"
            String[] parts = line.trim().split("\\s+", 4);
            if (parts.length < 4 || !parts[3].startsWith("kata.worker.") || isCheckMethod(parts[3])) {
                continue;
            }
            try {
                if (inUseByC2 && (Integer.parseInt(parts[1]) != C2 || Integer.parseInt(parts[2]) != IN_USE)) {
                    continue;
                }
                latest = Math.max(latest, Long.parseLong(parts[0]));
            } catch (NumberFormatException notALine) {
                // a heading or a line of another form
            }
        }
        return latest;
    }

    private static boolean isCheckMethod(String method) {
        int paren = method.indexOf('(');
        String owner = method.substring(0, method.lastIndexOf('.', paren < 0 ? method.length() : paren));
        String simple = owner.substring("kata.worker.".length());
        int nested = simple.indexOf('$');
        return isCheckClass(nested < 0 ? simple : simple.substring(0, nested));
    }

    /** Test classes and their messages, public or graded later, are named like this. */
    private static boolean isCheckClass(String simpleName) {
        return CHECK_CLASSES.contains(simpleName) || simpleName.endsWith("Test") || simpleName.endsWith("Rules")
                || simpleName.endsWith("Feedback");
    }
}
