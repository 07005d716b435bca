package kata.worker;

import java.lang.management.ManagementFactory;
import java.util.Set;
import javax.management.ObjectName;

/**
 * Whether the JIT has compiled the student's loop: the HotSpot diagnostic command
 * {@code Compiler.codelist} lists every compiled method with its tier. A hot check stops the worker
 * only once a method of the student's classes runs as C2 code (tier 4), so that a check on a loaded
 * machine, whose compiler threads got little CPU, does not stop a loop that is still interpreted.
 */
final class Jit {

    /** The checks' own helper classes in kata.worker: their compiled methods do not count. */
    private static final Set<String> CHECK_CLASSES = Set.of("Boss", "Eventually", "Hold", "Jit", "TestChore");

    /** Test classes and their messages, public or graded later, are named like this. */
    private static boolean isCheckClass(String simpleName) {
        return CHECK_CLASSES.contains(simpleName) || simpleName.endsWith("Test") || simpleName.endsWith("Rules")
                || simpleName.endsWith("Feedback");
    }
    private static final int C2 = 4;
    private static final int IN_USE = 0;

    private Jit() {
    }

    /**
     * True once a method of the student's classes is compiled by C2 and in use; also true when the
     * JVM cannot say (no diagnostic command), so that the check then relies on CPU time alone.
     */
    static boolean studentCodeCompiled() {
        String list;
        try {
            list = (String) ManagementFactory.getPlatformMBeanServer().invoke(
                    new ObjectName("com.sun.management:type=DiagnosticCommand"), "compilerCodelist", null, null);
        } catch (Exception | LinkageError unavailable) {
            return true;
        }
        for (String line : list.split("\n")) {
            // "<compile id> <tier> <state> kata.worker.Worker.lambda$start$0()V [...]"
            String[] parts = line.trim().split("\\s+", 4);
            if (parts.length < 4 || !parts[3].startsWith("kata.worker.")) {
                continue;
            }
            try {
                if (Integer.parseInt(parts[1]) != C2 || Integer.parseInt(parts[2]) != IN_USE) {
                    continue;
                }
            } catch (NumberFormatException notALine) {
                continue;
            }
            String method = parts[3];
            int paren = method.indexOf('(');
            String owner = method.substring(0, method.lastIndexOf('.', paren < 0 ? method.length() : paren));
            String simple = owner.substring("kata.worker.".length());
            int nested = simple.indexOf('$');
            if (!isCheckClass(nested < 0 ? simple : simple.substring(0, nested))) {
                return true;
            }
        }
        return false;
    }
}
