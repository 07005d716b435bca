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
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Main class of the test JVM; its arguments are the directories of the checks' classes and of the
 * student's classes, loaded apart from the class path ({@link Isolation}). Reads from standard
 * input a nonce and then one planned check per line
 * ({@code check <TAB> id <TAB> method selector <TAB> time limit in ms}), runs the checks in
 * order, and reports each one through {@link Protocol}. Ends with {@code halt}, so that threads or
 * shutdown hooks left behind by student code cannot keep the JVM alive.
 */
public final class RunnerMain {

    /** Exit status that asks the grader for a fresh JVM for the remaining checks. */
    static final int EXIT_RESTART = 87;

    /** Bytes of student output kept per check. */
    private static final int OUTPUT_LIMIT = 16 * 1024;

    private record Planned(String id, String selector, long limitMillis) {
    }

    /** The checks to run, and the class files of the checks by binary name (never files here). */
    private record Plan(List<Planned> checks, Map<String, byte[]> classes) {
    }

    private static volatile String currentCheck;
    private static volatile Thread main;

    private RunnerMain() {
    }

    public static void main(String[] args) throws IOException {
        main = Thread.currentThread();
        PrintStream protocolStream = new PrintStream(new FileOutputStream(FileDescriptor.out), false,
                StandardCharsets.UTF_8);
        BufferedReader input = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String nonce = input.readLine();
        Plan read = readPlan(input);
        List<Planned> plan = read.checks();
        // The nonce stays out of reach of student code: standard input is spent and replaced.
        System.setIn(InputStream.nullInputStream());
        Protocol protocol = new Protocol(protocolStream, nonce);
        protocol.hello();
        Logger.getLogger("").setLevel(Level.OFF);
        OutputCapture capture = OutputCapture.install(OUTPUT_LIMIT);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> protocol.exiting(currentCheck)));
        Watchdog watchdog = new Watchdog(protocol, capture);
        CheckExecutor executor = new CheckExecutor(LauncherFactory.create());
        // JUnit loads the test classes through the context class loader.
        main.setContextClassLoader(Isolation.checks(read.classes(), Isolation.students(Path.of(args[0]))));

        for (int i = 0; i < plan.size(); i++) {
            Planned check = plan.get(i);
            currentCheck = check.id();
            capture.take();
            Set<Thread> before = Leftovers.now();
            protocol.started(check.id());
            long start = System.nanoTime();
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
            if (i + 1 < plan.size() && Leftovers.remain(before)) {
                // The grader starts a fresh JVM for the checks that remain.
                Runtime.getRuntime().halt(EXIT_RESTART);
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

    private static Plan readPlan(BufferedReader input) throws IOException {
        List<Planned> plan = new ArrayList<>();
        Map<String, byte[]> classes = new HashMap<>();
        String line;
        while ((line = input.readLine()) != null) {
            String[] parts = line.split("\t");
            if (parts.length == 4 && parts[0].equals("check")) {
                plan.add(new Planned(parts[1], parts[2], Long.parseLong(parts[3])));
            } else if (parts.length == 3 && parts[0].equals("class")) {
                classes.put(parts[1], Base64.getDecoder().decode(parts[2]));
            }
        }
        return new Plan(plan, classes);
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
}
