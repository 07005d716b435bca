package kata.grader.run;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import kata.grader.course.CheckSpec;
import kata.grader.course.TestBundle;
import kata.grader.text.StudentText;
import kata.protocol.EventType;
import kata.protocol.LineCodec;
import kata.protocol.Message;
import kata.protocol.ProtocolException;
import kata.protocol.ResultStatus;
import kata.protocol.Timing;
import kata.support.interleave.InterleavingFailure;
import kata.support.score.CheckOutcome;
import kata.support.score.CheckStatus;

/**
 * Follows one test JVM through the runner's messages: collects each check's result, and gives up
 * on the JVM when a check outlives its limit by more than the runner's own watchdog allows, or the
 * exercise's time runs out.
 */
final class Supervisor {

    /** Time the grader gives the runner's own watchdog before stopping the JVM from outside. */
    private static final long GRACE_NANOS = 10_000_000_000L;
    /** As the runner's watchdog allows for JUnit's start-up until the check itself starts. */
    private static final long STARTUP_ALLOWANCE_NANOS = Timing.STARTUP_ALLOWANCE_MILLIS * 1_000_000L;
    /**
     * Characters kept of a check's message and output, which student code controls (an exception's
     * message): an interleaving's message is a few thousand; the runner keeps 16 KB of output.
     */
    private static final int MESSAGE_LIMIT = 16 * 1024;
    private static final int OUTPUT_LIMIT = 20 * 1024;

    /**
     * Where the JVM's messages left off.
     *
     * @param outcomes the results received, by check id
     * @param current  the check started and without a result, or null
     * @param stopped  why the grader gave up on the JVM, or null when its output ended
     * @param exiting  the check during which the JVM began to shut down, or null
     */
    record Watched(Map<String, CheckOutcome> outcomes, String current, String stopped, String exiting,
                   String javaVersion, String javaVendor, int cpus) {
    }

    private final TestBundle bundle;
    private final List<CheckSpec> plan;
    private final long exerciseDeadline;

    Supervisor(TestBundle bundle, List<CheckSpec> plan, long exerciseDeadline) {
        this.bundle = bundle;
        this.plan = plan;
        this.exerciseDeadline = exerciseDeadline;
    }

    /** Passes on the runner's messages, keeps every other line as stray output, and ends with END_OF_OUTPUT. */
    static void readMessages(InputStream stdout, LineCodec codec, BlockingQueue<Event> events, StrayOutput stray) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(stdout, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                Optional<Message> message;
                try {
                    message = codec.decode(line);
                } catch (ProtocolException e) {
                    // Only the runner knows the nonce: grader and runner are out of step. Kept for the diagnosis.
                    stray.keep("The grader cannot read a message of the runner: " + e.getMessage() + "\n");
                    continue;
                }
                if (message.isPresent()) {
                    events.add(new Event(message.get()));
                } else {
                    stray.keep(line + "\n");
                }
            }
        } catch (IOException e) {
            // the JVM is gone
        } finally {
            events.add(Event.END_OF_OUTPUT);
        }
    }

    /** Follows the events until the runner is done, its output ends, or the grader must stop it. */
    Watched watch(BlockingQueue<Event> events) throws InterruptedException {
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
        return new Watched(outcomes, current, stopped, exiting, javaVersion, javaVendor, cpus);
    }

    private static long limitNanos(CheckSpec check) {
        return check == null ? 0 : check.timeoutSeconds() * 1_000_000_000L;
    }

    /** A status the grader does not know, or none, is no pass: the check is an error. */
    private static CheckStatus status(String wireName) {
        try {
            return switch (ResultStatus.fromWire(wireName)) {
                case PASSED -> CheckStatus.PASSED;
                case FAILED -> CheckStatus.FAILED;
                case SKIPPED -> CheckStatus.SKIPPED;
                case ERROR -> CheckStatus.ERROR;
            };
        } catch (ProtocolException unknown) {
            return CheckStatus.ERROR;
        }
    }
}
