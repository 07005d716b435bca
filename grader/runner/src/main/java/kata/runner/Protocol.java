package kata.runner;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;
import kata.protocol.EventType;
import kata.protocol.LineCodec;
import kata.protocol.Message;
import kata.support.score.Schedule;

/**
 * The runner's side of {@link kata.protocol}: its messages, sent as lines on the JVM's original
 * standard output, which student code cannot reach.
 */
final class Protocol {

    private final PrintStream out;
    private final LineCodec codec;

    Protocol(PrintStream out, String nonce) {
        this.out = out;
        this.codec = new LineCodec(nonce);
    }

    void hello() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("java_version", System.getProperty("java.version"));
        fields.put("java_vendor", System.getProperty("java.vendor"));
        fields.put("cpus", Runtime.getRuntime().availableProcessors());
        send(new Message(EventType.HELLO, fields));
    }

    void started(String checkId) {
        send(new Message(EventType.START, Map.of("id", checkId)));
    }

    /** JUnit has found the check and starts it: from here its time limit counts. */
    void running(String checkId) {
        send(new Message(EventType.RUNNING, Map.of("id", checkId)));
    }

    void result(String checkId, Verdict verdict, long durationMillis, Captured output) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("id", checkId);
        fields.put("status", verdict.status().wireName());
        fields.put("message", verdict.message());
        fields.put("duration_ms", durationMillis);
        fields.put("output", output.text());
        fields.put("output_truncated", output.truncated());
        if (verdict.schedule() != null) {
            fields.put("schedule", schedule(verdict.schedule()));
        }
        send(new Message(EventType.RESULT, fields));
    }

    /** {"threads": [...], "omitted_steps": n, "steps": [{"thread", "action", "location", "repeats"}]} */
    private static Map<String, Object> schedule(Schedule schedule) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("threads", schedule.threads());
        fields.put("omitted_steps", schedule.omittedSteps());
        fields.put("steps", schedule.steps().stream().map(step -> {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("thread", step.thread());
            one.put("action", step.action());
            one.put("location", step.location());
            one.put("repeats", step.repeats());
            return one;
        }).toList());
        return fields;
    }

    void exiting(String checkId) {
        send(new Message(EventType.EXITING, Map.of("id", checkId == null ? "" : checkId)));
    }

    void done() {
        send(new Message(EventType.DONE));
    }

    private synchronized void send(Message message) {
        out.print(codec.encode(message) + "\n");
        out.flush();
    }
}
