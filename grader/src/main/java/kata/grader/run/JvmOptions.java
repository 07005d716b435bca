package kata.grader.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * How to start the test JVM. Immutable.
 *
 * @param java           the {@code java} executable (default: the one running the grader)
 * @param oneCpu         pin the test JVM to one CPU with {@code taskset} (which one: {@link CpuPins})
 * @param compiledFirst  have C2 compile the student's methods after about ten calls (compile
 *                       thresholds scaled down for their packages only): shows that a
 *                       verdict holds for JIT-compiled code, not only for interpreted code
 * @param extraArguments more JVM arguments
 * @param sandbox        whether the test JVM runs in the operating-system sandbox ({@link OsSandbox})
 */
public record JvmOptions(Path java, boolean oneCpu, boolean compiledFirst, List<String> extraArguments,
                         OsSandbox.Mode sandbox) {

    public JvmOptions {
        extraArguments = List.copyOf(extraArguments);
    }

    public static JvmOptions defaults() {
        return new JvmOptions(Path.of(System.getProperty("java.home"), "bin", "java"), false, false, List.of(),
                OsSandbox.Mode.AUTO);
    }

    public JvmOptions withJava(Path executable) {
        if (!Files.isExecutable(executable)) {
            throw new IllegalArgumentException("not an executable java: " + executable);
        }
        return new JvmOptions(executable, oneCpu, compiledFirst, extraArguments, sandbox);
    }

    public JvmOptions onOneCpu(boolean pinned) {
        return new JvmOptions(java, pinned, compiledFirst, extraArguments, sandbox);
    }

    public JvmOptions compiledFirst(boolean compile) {
        return new JvmOptions(java, oneCpu, compile, extraArguments, sandbox);
    }

    public JvmOptions withSandbox(OsSandbox.Mode mode) {
        return new JvmOptions(java, oneCpu, compiledFirst, extraArguments, mode);
    }

    /** A short label for reports, e.g. "1 CPU, JIT-compiled". */
    public String label() {
        return (oneCpu ? "1 CPU" : "all CPUs") + (compiledFirst ? ", C2-compiled early" : "");
    }
}
