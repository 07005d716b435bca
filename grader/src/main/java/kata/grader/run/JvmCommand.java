package kata.grader.run;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import kata.grader.course.TestBundle;
import kata.grader.course.TestRuntime;

/** The command line of one test JVM, with its confinement (CPU, OS sandbox, control group). */
final class JvmCommand {

    /** What Runtime.availableProcessors() returns in the test JVM, whatever the machine. */
    private static final int ACTIVE_PROCESSORS = 2;

    private final TestBundle bundle;
    private final Path studentClasses;
    private final TestRuntime runtime;
    private final JvmOptions options;
    private final Path workDir;

    JvmCommand(TestBundle bundle, Path studentClasses, TestRuntime runtime, JvmOptions options, Path workDir) {
        this.bundle = bundle;
        this.studentClasses = studentClasses;
        this.runtime = runtime;
        this.options = options;
        this.workDir = workDir;
    }

    /** The command line; {@code cpu} is the CPU to pin the JVM to, when {@link JvmOptions#oneCpu()}. */
    List<String> build(OsSandbox.Level isolation, Optional<ControlGroups> groups, OptionalInt cpu) {
        List<String> command = new ArrayList<>();
        if (cpu.isPresent()) {
            command.addAll(List.of("taskset", "-c", Integer.toString(cpu.getAsInt())));
        }
        List<Path> readOnly = new ArrayList<>(runtime.classpath());
        readOnly.addAll(List.of(runtime.agentJar(), runtime.jitDirectives(), studentClasses));
        List<String> confined = OsSandbox.wrap(isolation, java(), readOnly, workDir);
        command.addAll(groups.map(g -> g.wrap(confined)).orElse(confined));
        return command;
    }

    /** The test JVM's own command line. */
    private List<String> java() {
        List<String> command = new ArrayList<>();
        command.add(options.java().toString());
        command.add("-Xmx" + bundle.exercise().limits().heapMegabytes() + "m");
        // Every grading machine looks like two CPUs to the student's code (availableProcessors()),
        // so that a pool sized by the CPU count gets the same verdict on a laptop and a 64-core server.
        command.add("-XX:ActiveProcessorCount=" + ACTIVE_PROCESSORS);
        command.addAll(List.of("-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError", "-XX:-UsePerfData",
                "-Djava.awt.headless=true", "-Dfile.encoding=UTF-8", "-Dstdout.encoding=UTF-8"));
        // A JVM killed at its time limit never runs its deleteOnExit hooks (the agent's boot jar,
        // the student's temporary files): they go where the grader deletes them in any case.
        command.add("-Djava.io.tmpdir=" + workDir);
        command.addAll(JitFlags.of(studentPackages(), options.compiledFirst(), runtime.jitDirectives()));
        command.addAll(options.extraArguments());
        command.add("-javaagent:" + runtime.agentJar() + "=" + (bundle.exercise().instrumented() ? "" : "observe:")
                + studentClasses);
        // The class path holds the harness only; the runner loads the checks and the student's
        // classes with loaders of their own (kata.runner.Isolation). The checks' classes arrive
        // on standard input with the plan: no file of them exists where student code runs.
        command.add("-cp");
        command.add(runtime.classpath().stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator)));
        command.add("kata.runner.RunnerMain");
        command.add(studentClasses.toString());
        return command;
    }

    private Set<String> studentPackages() {
        try (var files = Files.walk(studentClasses)) {
            return files.filter(f -> f.toString().endsWith(".class"))
                    .map(f -> studentClasses.relativize(f.getParent() == null ? f : f.getParent()).toString()
                            .replace(File.separatorChar, '.'))
                    .collect(Collectors.toCollection(TreeSet::new));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
