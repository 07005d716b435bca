package kata.grader.run;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * How the test JVM's JIT treats each kind of code. A test JVM lives for seconds, and compiling
 * JUnit's and the JDK's start-up code took 40% of its CPU: a grading then kept more than one CPU
 * busy, and batch workers slowed each other down. That code now compiles after ten times the usual
 * calls, and C2 leaves the harness's start-up code to C1 altogether (the runtime's compiler
 * directives). The checks and the student's classes keep the usual thresholds, so student code is
 * JIT-compiled as in any JVM; or, compiled first, C2 compiles the student's methods after about ten
 * calls, the rest of the JVM as usual.
 */
final class JitFlags {

    private JitFlags() {
    }

    /**
     * @param studentPackages the packages of the student's classes (the unnamed one, "", cannot be
     *                        named in a pattern and keeps the global thresholds)
     * @param compiledFirst   C2 compiles the student's methods after about ten calls
     * @param directives      the runtime's compiler directives file
     */
    static List<String> of(Set<String> studentPackages, boolean compiledFirst, Path directives) {
        List<String> flags = new ArrayList<>(List.of("-XX:CompileThresholdScaling=10", "-XX:CompileCommand=quiet"));
        // A method's own scaling multiplies the global one; of the commands that match a method, the
        // last one given counts.
        Set<String> named = new TreeSet<>(studentPackages);
        named.remove("");
        Set<String> usual = new TreeSet<>(Set.of("kata"));
        named.stream().filter(pkg -> !pkg.startsWith("kata.")).forEach(usual::add);
        usual.forEach(pkg -> flags.add(scaling(pkg, "0.1")));
        if (compiledFirst) {
            named.forEach(pkg -> flags.add(scaling(pkg, "0.001")));
        }
        flags.addAll(List.of("-XX:+UnlockDiagnosticVMOptions", "-XX:CompilerDirectivesFile=" + directives));
        return flags;
    }

    private static String scaling(String pkg, String factor) {
        return "-XX:CompileCommand=CompileThresholdScaling," + pkg + ".*::*," + factor;
    }
}
