package kata.runner;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kata.support.score.Schedule;

/**
 * Results go to the grader as JSON lines on the JVM's original standard output, each prefixed with
 * a nonce the grader sent on standard input before any student code ran. Student code can print
 * anything; it cannot print a line the grader will take for a result.
 */
final class Protocol {

    private final PrintStream out;
    private final String nonce;

    Protocol(PrintStream out, String nonce) {
        this.out = out;
        this.nonce = nonce;
    }

    void hello() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("event", "hello");
        fields.put("java_version", System.getProperty("java.version"));
        fields.put("java_vendor", System.getProperty("java.vendor"));
        fields.put("cpus", Runtime.getRuntime().availableProcessors());
        send(fields);
    }

    void started(String checkId) {
        send(Map.of("event", "start", "id", checkId));
    }

    /** JUnit has found the check and starts it: from here its time limit counts. */
    void running(String checkId) {
        send(Map.of("event", "running", "id", checkId));
    }

    void result(String checkId, Verdict verdict, long durationMillis, Captured output) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("event", "result");
        fields.put("id", checkId);
        fields.put("status", verdict.status());
        fields.put("message", verdict.message());
        fields.put("duration_ms", durationMillis);
        fields.put("output", output.text());
        fields.put("output_truncated", output.truncated());
        if (verdict.schedule() != null) {
            fields.put("schedule", schedule(verdict.schedule()));
        }
        send(fields);
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
        send(Map.of("event", "exiting", "id", checkId == null ? "" : checkId));
    }

    void done() {
        send(Map.of("event", "done"));
    }

    private synchronized void send(Map<String, ?> fields) {
        StringBuilder line = new StringBuilder(nonce).append(' ');
        value(line, fields);
        out.print(line.append('\n'));
        out.flush();
    }

    private static void value(StringBuilder line, Object value) {
        if (value instanceof Number || value instanceof Boolean) {
            line.append(value);
        } else if (value instanceof Map<?, ?> map) {
            line.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> field : map.entrySet()) {
                if (!first) {
                    line.append(',');
                }
                first = false;
                quote(line, String.valueOf(field.getKey()));
                line.append(':');
                value(line, field.getValue());
            }
            line.append('}');
        } else if (value instanceof List<?> list) {
            line.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    line.append(',');
                }
                value(line, list.get(i));
            }
            line.append(']');
        } else {
            quote(line, String.valueOf(value));
        }
    }

    private static void quote(StringBuilder line, String text) {
        line.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> line.append("\\\"");
                case '\\' -> line.append("\\\\");
                case '\n' -> line.append("\\n");
                case '\r' -> line.append("\\r");
                case '\t' -> line.append("\\t");
                default -> {
                    if (c < 0x20 || Character.isSurrogate(c) && !validSurrogate(text, i)) {
                        line.append(String.format("\\u%04x", (int) c));
                    } else {
                        line.append(c);
                    }
                }
            }
        }
        line.append('"');
    }

    private static boolean validSurrogate(String text, int i) {
        char c = text.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
        }
        return i > 0 && Character.isHighSurrogate(text.charAt(i - 1));
    }
}
