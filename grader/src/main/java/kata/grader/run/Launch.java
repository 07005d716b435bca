package kata.grader.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import kata.grader.course.CheckSpec;
import kata.grader.course.TestBundle;
import kata.grader.course.TestRuntime;
import kata.protocol.LineCodec;
import kata.support.score.CheckOutcome;

/**
 * One test JVM: start it ({@link JvmCommand}), feed it the plan ({@link RunnerPlan}), collect
 * results until it ends or must be stopped ({@link Supervisor}), and explain an abnormal end
 * ({@link Diagnosis}).
 */
final class Launch {

    /** What one JVM produced. */
    record Report(Map<String, CheckOutcome> outcomes, String startFailure, String javaVersion, String javaVendor,
                  int cpus, OsSandbox.Level isolation) {

        static Report notStarted(String why) {
            return new Report(Map.of(), why, "", "", 0, OsSandbox.Level.NONE);
        }
    }

    private final TestBundle bundle;
    private final List<CheckSpec> plan;
    private final JvmOptions options;
    private final Path workDir;
    private final JvmCommand command;
    private final Supervisor supervisor;

    Launch(TestBundle bundle, List<CheckSpec> plan, Path studentClasses, TestRuntime runtime, JvmOptions options,
           Path workDir, long exerciseDeadline) {
        this.bundle = bundle;
        this.plan = plan;
        this.options = options;
        this.workDir = workDir;
        this.command = new JvmCommand(bundle, studentClasses, runtime, options, workDir);
        this.supervisor = new Supervisor(bundle, plan, exerciseDeadline);
    }

    Report run() {
        Optional<CpuPins.Pin> pin = options.oneCpu() ? Optional.of(CpuPins.take()) : Optional.empty();
        try {
            return run(pin.map(p -> OptionalInt.of(p.cpu())).orElse(OptionalInt.empty()));
        } finally {
            pin.ifPresent(CpuPins::release);
        }
    }

    private Report run(OptionalInt cpu) {
        LineCodec codec = new LineCodec(LineCodec.newNonce());
        Process process;
        OsSandbox.Level isolation;
        Optional<ControlGroups> groups = ControlGroups.create(
                ControlGroups.memoryFor(bundle.exercise().limits().heapMegabytes()));
        try {
            Files.createDirectories(workDir);
            isolation = OsSandbox.level(options.sandbox(), options.java());
            ProcessBuilder builder = new ProcessBuilder(command.build(isolation, groups, cpu))
                    .directory(workDir.toFile());
            builder.environment().clear();
            builder.environment().putAll(OsSandbox.ENVIRONMENT);
            process = builder.start();
        } catch (IOException | IllegalStateException e) {
            groups.ifPresent(ControlGroups::remove);
            return Report.notStarted("The test JVM could not be started: " + e.getMessage());
        }
        BlockingQueue<Event> events = new LinkedBlockingQueue<>();
        StrayOutput stray = new StrayOutput();
        Thread stdoutReader = daemon("stdout",
                () -> Supervisor.readMessages(process.getInputStream(), codec, events, stray));
        Thread stderrReader = daemon("stderr", () -> stray.drain(process.getErrorStream()));
        RunnerPlan.send(process, RunnerPlan.of(codec.nonce(), plan, bundle.testClasses()));
        try {
            Supervisor.Watched watched = supervisor.watch(events);
            stop(process);
            int exit = exitCode(process);
            join(stdoutReader);
            join(stderrReader);
            return report(watched, exit, stray, isolation, groups);
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

    private Report report(Supervisor.Watched watched, int exit, StrayOutput stray, OsSandbox.Level isolation,
                          Optional<ControlGroups> groups) {
        Map<String, CheckOutcome> outcomes = new LinkedHashMap<>(watched.outcomes());
        String current = watched.current();
        if (current != null && !outcomes.containsKey(current)) {
            boolean memoryLimitHit = groups.map(ControlGroups::memoryLimitHit).orElse(false);
            outcomes.put(current, new Diagnosis(bundle.exercise().limits().heapMegabytes())
                    .interrupted(current, watched.stopped(), exit, watched.exiting(), stray, memoryLimitHit));
        }
        return new Report(outcomes, Diagnosis.startFailure(exit, stray), watched.javaVersion(), watched.javaVendor(),
                watched.cpus(), isolation);
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
