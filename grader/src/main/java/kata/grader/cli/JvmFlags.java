package kata.grader.cli;

import java.nio.file.Path;
import kata.grader.run.JvmOptions;
import picocli.CommandLine.Option;

/** Options for the JVM that runs students' code, shared by the commands that grade. */
final class JvmFlags {

    @Option(names = "--one-cpu", description = "Pin the test JVM to one CPU (taskset -c 0), as on small graders.")
    boolean oneCpu;

    @Option(names = "--java", paramLabel = "<java>",
            description = "The java executable for the test JVM (default: the one running the grader).")
    Path java;

    JvmOptions options() {
        JvmOptions options = JvmOptions.defaults().onOneCpu(oneCpu);
        return java == null ? options : options.withJava(java);
    }
}
