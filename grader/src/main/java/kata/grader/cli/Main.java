package kata.grader.cli;

import java.io.PrintWriter;
import kata.grader.GraderVersion;
import kata.grader.course.CourseException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code java -jar grader.jar <command>}. Exit status: 0 when the command did its job (a scorecard
 * was written, whatever its score), 2 for usage errors or input that cannot be read, 1 when the
 * course itself is broken or the self-check finds a wrong verdict.
 */
@Command(name = "grader.jar", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Grades concurrency katas: compiles each submission, checks rules on its bytecode, runs"
                + " hidden and public tests in an isolated JVM with time and memory limits, and writes a JSON"
                + " scorecard.",
        subcommands = {GradeCommand.class, BatchCommand.class, ExportCommand.class, MergeCommand.class,
                DemoCommand.class, AllowedCommand.class, SimilarityCommand.class, SelfCheckCommand.class, PublishCommand.class, NewExerciseCommand.class,
                CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        // Stopped by a signal (Ctrl-C, kill, a CI timeout), the grader takes its test JVMs with it.
        Runtime.getRuntime().addShutdownHook(new Thread(
                () -> ProcessHandle.current().descendants().forEach(ProcessHandle::destroyForcibly),
                "stop-test-jvms"));
        System.exit(run(args));
    }

    /** Runs the command line and returns the exit status, without exiting. */
    public static int run(String... args) {
        return run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    /** Runs the command line with these output streams and returns the exit status. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine line = new CommandLine(new Main());
        line.setOut(out);
        line.setErr(err);
        line.setExecutionExceptionHandler(Main::onException);
        // Every subcommand answers --version (and -V) as the top command does.
        line.getSubcommands().values().forEach(sub -> sub.getCommandSpec().versionProvider(new Version()));
        int status = line.execute(args);
        out.flush();
        err.flush();
        return status;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
    }

    private static int onException(Exception exception, CommandLine command, CommandLine.ParseResult parsed) {
        PrintWriter err = command.getErr();
        if (exception instanceof IllegalArgumentException) {
            err.println("error: " + exception.getMessage());
            err.println("Try '" + command.getCommandSpec().qualifiedName() + " --help' for usage.");
            return 2;
        }
        if (exception instanceof CourseException) {
            err.println("error: the course is broken: " + exception.getMessage());
            return 1;
        }
        if (exception instanceof java.io.UncheckedIOException) {
            err.println("error: " + exception.getMessage());
            return 1;
        }
        err.println("error: " + exception);
        return 1;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {GraderVersion.NAME + " " + GraderVersion.version(),
                    "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"};
        }
    }
}
