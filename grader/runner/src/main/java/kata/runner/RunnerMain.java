package kata.runner;

import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import kata.protocol.ExitStatus;
import kata.protocol.Plan;
import kata.protocol.PlannedCheck;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Main class of the test JVM; its arguments are the directories of the checks' classes and of the
 * student's classes, loaded apart from the class path ({@link Isolation}). Reads its {@link Plan}
 * (the nonce, the checks and their class files) from standard input, runs the checks in order,
 * and reports each one through {@link Protocol}. Ends with {@code halt}, so that threads or
 * shutdown hooks left behind by student code cannot keep the JVM alive.
 */
public final class RunnerMain {

    /** Bytes of student output kept per check. */
    private static final int OUTPUT_LIMIT = 16 * 1024;
    /** Idle threads left behind that the JVM keeps before it gives way to a fresh one. */
    private static final int MAX_KEPT = 64;

    private static volatile String currentCheck;
    private static volatile Thread main;

    private RunnerMain() {
    }

    public static void main(String[] args) throws IOException {
        main = Thread.currentThread();
        PrintStream protocolStream = new PrintStream(new FileOutputStream(FileDescriptor.out), false,
                StandardCharsets.UTF_8);
        BufferedReader input = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        Plan read = Plan.read(input);
        List<PlannedCheck> plan = read.checks();
        // The nonce stays out of reach of student code: standard input is spent and replaced.
        System.setIn(InputStream.nullInputStream());
        Protocol protocol = new Protocol(protocolStream, read.nonce());
        protocol.hello();
        Logger.getLogger("").setLevel(Level.OFF);
        OutputCapture capture = OutputCapture.install(OUTPUT_LIMIT);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> protocol.exiting(currentCheck)));
        Watchdog watchdog = new Watchdog(protocol, capture);
        CheckExecutor executor = new CheckExecutor(LauncherFactory.create());
        // JUnit loads the test classes through the context class loader. A check that explores schedules
        // in a kata whose classes stay as compiled gets its own copy of the classes, with scheduling points.
        Loaders loaders = Loaders.fresh(read, Path.of(args[0]));

        for (int i = 0; i < plan.size(); i++) {
            PlannedCheck check = plan.get(i);
            currentCheck = check.id();
            capture.take();
            Set<Thread> before = Leftovers.now();
            protocol.started(check.id());
            long start = System.nanoTime();
            main.setContextClassLoader(check.scheduled() ? loaders.scheduled() : loaders.plain());
            watchdog.arm(check.id(), check.limitMillis(), before);
            Verdict verdict = executor.run(check.selector(), () -> {
                watchdog.checkStarted();
                protocol.running(check.id());
            });
            if (!watchdog.disarm()) {
                waitForHalt();
            }
            long duration = (System.nanoTime() - start) / 1_000_000;
            protocol.result(check.id(), verdict, duration, capture.take());
            Set<Thread> left = i + 1 < plan.size() ? Leftovers.remaining(before) : Set.of();
            if (!left.isEmpty()) {
                if (watchdog.kept() + left.size() > MAX_KEPT || !Leftovers.idleForGood(left)) {
                    // The grader starts a fresh JVM for the checks that remain.
                    Runtime.getRuntime().halt(ExitStatus.RESTART);
                }
                watchdog.keep(left.size());
                loaders = Loaders.fresh(read, Path.of(args[0]));
            }
        }
        currentCheck = null;
        protocol.done();
        protocolStream.flush();
        Runtime.getRuntime().halt(0);
    }

    /** The thread that runs the checks (tests run on it unless they start their own). */
    static Thread mainThread() {
        return main;
    }

    private static void waitForHalt() {
        while (true) {
            try {
                Thread.sleep(Long.MAX_VALUE);
            } catch (InterruptedException ignored) {
                // the watchdog is halting the JVM
            }
        }
    }

    /**
     * The loaders of the checks: one over the student's classes as the exercise has them, one over a
     * copy with scheduling points where a check needs it. Fresh ones after a check left threads
     * behind, so that nothing static of the classes those threads ran reaches a later check.
     */
    private record Loaders(ClassLoader plain, ClassLoader scheduled) {

        static Loaders fresh(Plan plan, Path studentClasses) {
            ClassLoader plain = Isolation.checks(plan.classes(), Isolation.students(studentClasses));
            ClassLoader scheduled = plan.checks().stream().anyMatch(PlannedCheck::scheduled)
                    ? Isolation.checks(plan.classes(), Isolation.scheduledStudents(studentClasses))
                    : plain;
            return new Loaders(plain, scheduled);
        }
    }
}
