package kata.grader.run;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import kata.grader.course.CheckSpec;
import kata.grader.course.TestBundle;
import kata.grader.course.TestRuntime;
import kata.grader.text.StudentText;
import kata.protocol.EventType;
import kata.protocol.ExitStatus;
import kata.protocol.LineCodec;
import kata.protocol.Message;
import kata.protocol.Plan;
import kata.protocol.PlannedCheck;
import kata.protocol.ProtocolException;
import kata.protocol.Timing;
import kata.support.interleave.InterleavingFailure;
import kata.support.score.CheckOutcome;
import kata.support.score.CheckStatus;

/** One test JVM: start it, feed it the plan, collect results until it ends or must be stopped. */
final class Launch {

    /** Time the grader gives the runner's own watchdog before stopping the JVM from outside. */
    private static final long GRACE_NANOS = 10_000_000_000L;
    /** As the runner's watchdog allows for JUnit's start-up until the check itself starts. */
    private static final long STARTUP_ALLOWANCE_NANOS = Timing.STARTUP_ALLOWANCE_MILLIS * 1_000_000L;
    private static final int OUTPUT_TAIL = 8 * 1024;
    /**
     * Characters kept of a check's message and output, which student code controls (an exception's
     * message): an interleaving's message is a few thousand; the runner keeps 16 KB of output.
     */
    private static final int MESSAGE_LIMIT = 16 * 1024;
    private static final int OUTPUT_LIMIT = 20 * 1024;
    /** What Runtime.availableProcessors() returns in the test JVM, whatever the machine. */
    static final int ACTIVE_PROCESSORS = 2;

    /** What one JVM produced. */
    record Report(Map<String, CheckOutcome> outcomes, String startFailure, String javaVersion, String javaVendor,
                  int cpus, OsSandbox.Level isolation) {

        static Report notStarted(String why) {
            return new Report(Map.of(), why, "", "", 0, OsSandbox.Level.NONE);
        }
    }

    private final TestBundle bundle;
    private final List<CheckSpec> plan;
    private final Path studentClasses;
    private final TestRuntime runtime;
    private final JvmOptions options;
    private final Path workDir;
    private final long exerciseDeadline;

    Launch(TestBundle bundle, List<CheckSpec> plan, Path studentClasses, TestRuntime runtime, JvmOptions options,
           Path workDir, long exerciseDeadline) {
        this.bundle = bundle;
        this.plan = plan;
        this.studentClasses = studentClasses;
        this.runtime = runtime;
        this.options = options;
        this.workDir = workDir;
        this.exerciseDeadline = exerciseDeadline;
    }

    Report run() {
        LineCodec codec = new LineCodec(LineCodec.newNonce());
        Process process;
        OsSandbox.Level isolation;
        Optional<ControlGroups> groups = ControlGroups.create(
                ControlGroups.memoryFor(bundle.exercise().limits().heapMegabytes()));
        try {
            Files.createDirectories(workDir);
            isolation = OsSandbox.level(options.sandbox(), options.java());
            ProcessBuilder builder = new ProcessBuilder(command(isolation, groups)).directory(workDir.toFile());
            builder.environment().clear();
            builder.environment().putAll(OsSandbox.ENVIRONMENT);
            process = builder.start();
        } catch (IOException | IllegalStateException e) {
            groups.ifPresent(ControlGroups::remove);
            return Report.notStarted("The test JVM could not be started: " + e.getMessage());
        }
        BlockingQueue<Event> events = new LinkedBlockingQueue<>();
        // What the JVM itself printed (its own messages, such as "Terminating due to
        // java.lang.OutOfMemoryError", go to stdout or stderr outside the protocol).
        StringBuilder stderr = new StringBuilder();
        Thread stdoutReader = daemon("stdout", () -> readProtocol(process.getInputStream(), codec, events, stderr));
        Thread stderrReader = daemon("stderr", () -> keepTail(process.getErrorStream(), stderr));
        sendPlan(process, codec.nonce());
        try {
            return collect(process, events, stderr, stdoutReader, stderrReader, isolation, groups);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Report.notStarted("Grading was interrupted.");
        } finally {
            stop(process);
            join(stdoutReader);
            join(stderrReader);
            groups.ifPresent(ControlGroups::remove);
        }
    }

    private List<String> command(OsSandbox.Level isolation, Optional<ControlGroups> groups) {
        List<String> command = new ArrayList<>();
        if (options.oneCpu()) {
            command.addAll(List.of("taskset", "-c", "0"));
        }
        List<Path> readOnly = new ArrayList<>(runtime.classpath());
        readOnly.addAll(List.of(runtime.agentJar(), studentClasses));
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
        if (options.compiledFirst()) {
            // C2 compiles the student's methods after about ten calls, the rest of the JVM as usual.
            command.addAll(List.of("-XX:-TieredCompilation", "-XX:CompileCommand=quiet"));
            for (String pkg : studentPackages()) {
                command.add("-XX:CompileCommand=CompileThresholdScaling," + pkg + ".*::*,0.001");
            }
        } else {
            // A test JVM lives for seconds, and compiling JUnit's and the JDK's start-up code took
            // 40% of its CPU: a grading then kept more than one CPU busy, and batch workers
            // slowed each other down. That code now compiles after ten times the usual calls.
            // The checks and the student's classes keep the usual thresholds (a method's own
            // scaling multiplies the global one), so student code is JIT-compiled as in any JVM.
            command.addAll(List.of("-XX:CompileThresholdScaling=10", "-XX:CompileCommand=quiet"));
            for (String pkg : usualThresholds()) {
                command.add("-XX:CompileCommand=CompileThresholdScaling," + pkg + ".*::*,0.1");
            }
        }
        command.addAll(options.extraArguments());
        command.add("-javaagent:" + runtime.agentJar() + "=" + (bundle.exercise().instrumented() ? "" : "observe:")
                + studentClasses);
        // The class path holds the harness only; the runner loads the checks and the student's
        // classes with loaders of their own (kata.runner.Isolation). The checks' classes arrive
        // on standard input with the plan: no file of them exists where student code runs.
        command.add("-cp");
        command.add(runtime.classpath().stream().map(Path::toString)
                .collect(Collectors.joining(java.io.File.pathSeparator)));
        command.add("kata.runner.RunnerMain");
        command.add(studentClasses.toString());
        return command;
    }

    /** The packages of the harness, the checks and the student's classes. */
    private Set<String> usualThresholds() {
        Set<String> packages = new java.util.TreeSet<>(Set.of("kata"));
        studentPackages().stream().filter(pkg -> !pkg.isEmpty() && !pkg.startsWith("kata.")).forEach(packages::add);
        return packages;
    }

    private Set<String> studentPackages() {
        try (var files = Files.walk(studentClasses)) {
            return files.filter(f -> f.toString().endsWith(".class"))
                    .map(f -> studentClasses.relativize(f.getParent() == null ? f : f.getParent()).toString()
                            .replace(java.io.File.separatorChar, '.'))
                    .collect(Collectors.toCollection(java.util.TreeSet::new));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void sendPlan(Process process, String nonce) {
        List<PlannedCheck> checks = plan.stream()
                .map(check -> new PlannedCheck(check.id(), check.member(), check.timeoutSeconds() * 1000L)).toList();
        Map<String, byte[]> classes = new LinkedHashMap<>();
        Path folder = bundle.testClasses();
        try (var files = Files.walk(folder)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).sorted().toList()) {
                String name = folder.relativize(file).toString().replace(java.io.File.separatorChar, '.');
                classes.put(name.substring(0, name.length() - ".class".length()), Files.readAllBytes(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the checks' classes in " + folder, e);
        }
        try (OutputStream stdin = process.getOutputStream()) {
            stdin.write(new Plan(nonce, checks, classes).encode().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // the JVM died at once; collect() reports it from its exit status and stderr
        }
    }

    private Report collect(Process process, BlockingQueue<Event> events, StringBuilder stderr, Thread stdoutReader,
                           Thread stderrReader, OsSandbox.Level isolation, Optional<ControlGroups> groups)
            throws InterruptedException {
        Map<String, CheckOutcome> outcomes = new LinkedHashMap<>();
        Map<String, CheckSpec> byId = plan.stream().collect(Collectors.toMap(CheckSpec::id, c -> c));
        HiddenNames hiddenNames = HiddenNames.of(bundle.tests());
        String current = null;
        long currentDeadline = Long.MAX_VALUE;
        String exiting = null;
        String javaVersion = "";
        String javaVendor = "";
        int cpus = 0;
        String stopped = null;
        while (true) {
            Event event = events.poll(50, TimeUnit.MILLISECONDS);
            if (event == Event.END_OF_OUTPUT) {
                break;
            }
            if (event != null) {
                Message message = event.message();
                switch (message.type()) {
                    case HELLO -> {
                        javaVersion = message.text("java_version");
                        javaVendor = message.text("java_vendor");
                        cpus = (int) message.number("cpus");
                    }
                    case START -> {
                        current = message.text("id");
                        currentDeadline = System.nanoTime() + limitNanos(byId.get(current))
                                + STARTUP_ALLOWANCE_NANOS + GRACE_NANOS;
                    }
                    case RUNNING -> currentDeadline = System.nanoTime() + limitNanos(byId.get(current))
                            + GRACE_NANOS;
                    case RESULT -> {
                        CheckSpec check = byId.get(message.text("id"));
                        String text = check != null && check.hidden()
                                ? InterleavingFailure.withoutReplayHint(message.text("message")) : message.text("message");
                        outcomes.put(message.text("id"), new CheckOutcome(status(message.text("status")),
                                StudentText.clean(hiddenNames.scrub(text), MESSAGE_LIMIT),
                                message.number("duration_ms"),
                                StudentText.clean(hiddenNames.scrub(message.text("output")), OUTPUT_LIMIT),
                                message.flag("output_truncated"), hiddenNames.scrub(event.schedule())));
                        current = null;
                        currentDeadline = Long.MAX_VALUE;
                    }
                    case EXITING -> exiting = message.text("id");
                    case DONE -> { }
                }
                if (message.type() == EventType.DONE) {
                    break;
                }
                continue;
            }
            long now = System.nanoTime();
            if (now > currentDeadline) {
                stopped = "Did not finish within " + byId.get(current).timeoutSeconds() + " s, and the test JVM"
                        + " stopped responding, so the grader stopped it.";
                break;
            }
            if (now > exerciseDeadline) {
                stopped = "Stopped: the exercise's time limit of " + bundle.exercise().limits().exerciseSeconds()
                        + " s ran out during this check.";
                break;
            }
        }
        stop(process);
        int exit = exitCode(process);
        join(stdoutReader);
        join(stderrReader);
        if (current != null && !outcomes.containsKey(current)) {
            boolean memoryLimitHit = groups.map(ControlGroups::memoryLimitHit).orElse(false);
            outcomes.put(current, interrupted(current, stopped, exit, exiting, stderr, memoryLimitHit));
        }
        String startFailure = "The test JVM ended before running any check (exit status " + exit + ")"
                + tail(stderr);
        return new Report(outcomes, startFailure, javaVersion, javaVendor, cpus, isolation);
    }

    private CheckOutcome interrupted(String check, String stopped, int exit, String exiting, StringBuilder stderr,
                                     boolean memoryLimitHit) {
        String errors;
        synchronized (stderr) {
            errors = stderr.toString();
        }
        if (stopped != null) {
            return CheckOutcome.of(CheckStatus.FAILED, stopped);
        }
        if (errors.contains("OutOfMemoryError")) {
            return CheckOutcome.of(CheckStatus.FAILED, "Your code ran out of memory (the test JVM may use "
                    + bundle.exercise().limits().heapMegabytes() + " MB of heap). Look for data that grows"
                    + " without bound, or threads that are never released.");
        }
        if (memoryLimitHit) {
            int heap = bundle.exercise().limits().heapMegabytes();
            return CheckOutcome.of(CheckStatus.FAILED, "Your code used more memory than the test JVM may use in all ("
                    + ControlGroups.memoryFor(heap) / (1024 * 1024) + " MB: " + heap + " MB of heap, the rest for"
                    + " threads, direct buffers and the JVM itself), and the system stopped it. Look for threads"
                    + " that are never released, or data that grows without bound.");
        }
        if (check.equals(exiting)) {
            return CheckOutcome.of(CheckStatus.ERROR, "Your code ended the test JVM during this check (System.exit("
                    + exit + ")). Never call System.exit in a library: return or throw instead.");
        }
        if (exit == ExitStatus.TIMED_OUT) {
            return CheckOutcome.of(CheckStatus.FAILED, "Did not finish within its time limit.");
        }
        return CheckOutcome.of(CheckStatus.ERROR, "The test JVM stopped abruptly during this check (exit status "
                + exit + "; Runtime.halt or a crash)" + tail(stderr));
    }

    private static long limitNanos(CheckSpec check) {
        return check == null ? 0 : check.timeoutSeconds() * 1_000_000_000L;
    }

    private static CheckStatus status(String text) {
        return switch (text) {
            case "passed" -> CheckStatus.PASSED;
            case "failed" -> CheckStatus.FAILED;
            case "skipped" -> CheckStatus.SKIPPED;
            default -> CheckStatus.ERROR;
        };
    }

    private static void readProtocol(InputStream stdout, LineCodec codec, BlockingQueue<Event> events,
                                     StringBuilder stray) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(stdout, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                Optional<Message> message;
                try {
                    message = codec.decode(line);
                } catch (ProtocolException e) {
                    // Only the runner knows the nonce: grader and runner are out of step. Kept for the diagnosis.
                    keep(stray, "The grader cannot read a message of the runner: " + e.getMessage() + "\n");
                    continue;
                }
                if (message.isPresent()) {
                    events.add(new Event(message.get()));
                } else {
                    keep(stray, line + "\n");
                }
            }
        } catch (IOException e) {
            // the JVM is gone
        } finally {
            events.add(Event.END_OF_OUTPUT);
        }
    }

    private static void keepTail(InputStream stderr, StringBuilder tail) {
        byte[] buffer = new byte[4096];
        try (stderr) {
            int read;
            while ((read = stderr.read(buffer)) != -1) {
                keep(tail, new String(buffer, 0, read, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            // the JVM is gone
        }
    }

    private static void keep(StringBuilder tail, String text) {
        synchronized (tail) {
            tail.append(text);
            if (tail.length() > OUTPUT_TAIL) {
                tail.delete(0, tail.length() - OUTPUT_TAIL);
            }
        }
    }

    private static String tail(StringBuilder stderr) {
        String text;
        synchronized (stderr) {
            text = stderr.toString().strip();
        }
        if (text.isEmpty()) {
            return ".";
        }
        String[] lines = text.split("\n");
        int from = Math.max(0, lines.length - 5);
        return ":\n" + String.join("\n", java.util.Arrays.copyOfRange(lines, from, lines.length));
    }

    private static void stop(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    private static int exitCode(Process process) {
        try {
            return process.waitFor(10, TimeUnit.SECONDS) ? process.exitValue() : -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static Thread daemon(String name, Runnable body) {
        Thread thread = new Thread(body, "kata-test-jvm-" + name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static void join(Thread thread) {
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
