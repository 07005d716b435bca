package kata.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class LineCodecTest {

    private final LineCodec codec = new LineCodec("0123abcd");

    @ParameterizedTest
    @EnumSource(EventType.class)
    void everyEventTypeRoundTrips(EventType type) throws ProtocolException {
        Message message = new Message(type, Map.of("id", "check-1"));

        Message decoded = codec.decode(codec.encode(message)).orElseThrow();

        assertEquals(message, decoded);
    }

    @Test
    void wireNamesAreTheRunnersOwn() throws ProtocolException {
        assertEquals(List.of("hello", "start", "running", "result", "exiting", "done"),
                List.of(EventType.values()).stream().map(EventType::wireName).toList());
        for (EventType type : EventType.values()) {
            assertEquals(type, EventType.fromWire(type.wireName()));
        }
    }

    @Test
    void resultStatusesAreTheRunnersOwn() throws ProtocolException {
        assertEquals(List.of("passed", "failed", "error", "skipped"),
                List.of(ResultStatus.values()).stream().map(ResultStatus::wireName).toList());
        for (ResultStatus status : ResultStatus.values()) {
            assertEquals(status, ResultStatus.fromWire(status.wireName()));
        }
        assertThrows(ProtocolException.class, () -> ResultStatus.fromWire("PASSED"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "plain", "a \"quoted\" word", "back\\slash \\n not a newline",
        "two\nlines\r\nand\ra carriage return", "tab\tand\u0000nul\u0001\u001f\u007f controls",
        "lone high \ud800 surrogate", "lone low \udc00 surrogate", "reversed \udc00\ud800 pair",
        "ends high \ud83d", "emoji \ud83d\ude00 and \u00e9\u4e2d\u2028\u2029", "{\"event\":\"done\"}", "0123abcd x"})
    void textRoundTripsOnOneLine(String text) throws ProtocolException {
        Message message = new Message(EventType.RESULT, Map.of("message", text, "output", text));

        String line = codec.encode(message);

        assertEquals(1, line.lines().count(), line);
        assertTrue(line.chars().noneMatch(c -> c < 0x20), line);
        Message decoded = codec.decode(line).orElseThrow();
        assertEquals(text, decoded.text("message"));
        assertEquals(message, decoded);
    }

    @Test
    void aResultWithAScheduleRoundTrips() throws ProtocolException {
        Map<String, Object> step = new LinkedHashMap<>();
        step.put("thread", "worker-1");
        step.put("action", "lock \"a\"");
        step.put("location", "Account.java:12");
        step.put("repeats", 3);
        Map<String, Object> schedule = new LinkedHashMap<>();
        schedule.put("threads", List.of("main", "worker-1"));
        schedule.put("omitted_steps", 0);
        schedule.put("steps", List.of(step, Map.of("thread", "main", "action", "unlock", "location", "",
                "repeats", 1)));
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("id", "transfers");
        fields.put("status", "failed");
        fields.put("duration_ms", 1234L);
        fields.put("output_truncated", true);
        fields.put("schedule", schedule);

        Message decoded = codec.decode(codec.encode(new Message(EventType.RESULT, fields))).orElseThrow();

        assertEquals("transfers", decoded.text("id"));
        assertEquals(1234, decoded.number("duration_ms"));
        assertTrue(decoded.flag("output_truncated"));
        Map<String, Object> read = decoded.object("schedule");
        assertEquals(List.of("main", "worker-1"), read.get("threads"));
        assertEquals(0L, read.get("omitted_steps"));
        List<?> steps = Message.list(read.get("steps"));
        assertEquals(2, steps.size());
        Map<?, ?> first = (Map<?, ?>) steps.get(0);
        assertEquals("lock \"a\"", Message.text(first.get("action")));
        assertEquals(3L, first.get("repeats"));
        assertEquals("unlock", Message.text(((Map<?, ?>) steps.get(1)).get("action")));
    }

    @Test
    void numbersAndFlagsRoundTrip() throws ProtocolException {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("cpus", 2);
        fields.put("big", Long.MIN_VALUE);
        fields.put("yes", true);
        fields.put("no", false);
        fields.put("missing", null);

        Message decoded = codec.decode(codec.encode(new Message(EventType.HELLO, fields))).orElseThrow();

        assertEquals(2, decoded.number("cpus"));
        assertEquals(Long.MIN_VALUE, decoded.number("big"));
        assertTrue(decoded.flag("yes"));
        assertFalse(decoded.flag("no"));
        assertEquals("null", decoded.text("missing"), "null is written as its text, as the runner always did");
        assertEquals("", decoded.text("absent"));
        assertEquals(0, decoded.number("absent"));
    }

    @Test
    void anUnknownTypeIsRefused() {
        ProtocolException refused = assertThrows(ProtocolException.class,
                () -> codec.decode("0123abcd {\"event\":\"restart\",\"id\":\"x\"}"));
        assertTrue(refused.getMessage().contains("restart"), refused.getMessage());
        assertThrows(ProtocolException.class, () -> EventType.fromWire("HELLO"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0123abcd ", "0123abcd {\"id\":\"x\"}", "0123abcd [\"done\"]", "0123abcd {\"event\":1}",
        "0123abcd {\"event\":\"done\"} trailing", "0123abcd {\"event\":\"done\"", "0123abcd {\"event\":\"do\\qne\"}",
        "0123abcd {\"event\":\"done\",\"x\":\"\\u12g4\"}", "0123abcd {\"event\":\"done\",\"x\":1.5}",
        "0123abcd {\"event\":\"done\",\"x\":null}", "0123abcd {\"event\":\"done\",\"x\":\"raw\ttab\"}"})
    void aMalformedMessageIsRefused(String line) {
        assertThrows(ProtocolException.class, () -> codec.decode(line));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "hello", "{\"event\":\"done\"}", "0123abcd{\"event\":\"done\"}",
        "0123abce {\"event\":\"done\"}", " 0123abcd {\"event\":\"done\"}", "0123abc {\"event\":\"done\"}",
        "0123abcdd {\"event\":\"done\"}"})
    void aLineWithoutTheNonceIsNoMessage(String line) throws ProtocolException {
        assertTrue(codec.decode(line).isEmpty(), line);
    }

    @Test
    void anotherNonceDoesNotReadTheLine() throws ProtocolException {
        String line = new LineCodec(LineCodec.newNonce()).encode(new Message(EventType.DONE));

        assertTrue(codec.decode(line).isEmpty());
    }

    @Test
    void noncesAreFreshHex() {
        String nonce = LineCodec.newNonce();

        assertTrue(nonce.matches("[0-9a-f]{32}"), nonce);
        assertFalse(nonce.equals(LineCodec.newNonce()));
    }
}
