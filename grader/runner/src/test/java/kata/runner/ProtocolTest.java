package kata.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import kata.protocol.EventType;
import kata.protocol.LineCodec;
import kata.protocol.Message;
import kata.protocol.ProtocolException;
import kata.protocol.ResultStatus;
import kata.support.score.Schedule;
import org.junit.jupiter.api.Test;

class ProtocolTest {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final Protocol protocol = new Protocol(new PrintStream(bytes, true, StandardCharsets.UTF_8), "n0nce");

    @Test
    void aRunReadsBackAsTheGraderSeesIt() throws ProtocolException {
        Schedule schedule = new Schedule(List.of("a", "b"),
                List.of(new Schedule.Step("a", "reads count", "Counter.java:9", 2)), 5);
        protocol.hello();
        protocol.started("one");
        protocol.running("one");
        protocol.result("one", new Verdict(ResultStatus.FAILED, "lost \"1\"\nupdate \ud800", schedule), 42,
                new Captured("printed \u00e9\ud83d\ude00\n", true));
        protocol.exiting(null);
        protocol.done();

        List<Message> messages = read();

        assertEquals(List.of(EventType.HELLO, EventType.START, EventType.RUNNING, EventType.RESULT,
                EventType.EXITING, EventType.DONE), messages.stream().map(Message::type).toList());
        assertEquals(System.getProperty("java.version"), messages.get(0).text("java_version"));
        assertEquals(Runtime.getRuntime().availableProcessors(), messages.get(0).number("cpus"));
        Message result = messages.get(3);
        assertEquals("one", result.text("id"));
        assertEquals("failed", result.text("status"));
        assertEquals("lost \"1\"\nupdate \ud800", result.text("message"));
        assertEquals(42, result.number("duration_ms"));
        assertEquals("printed \u00e9\ud83d\ude00\n", result.text("output"));
        assertTrue(result.flag("output_truncated"));
        Map<String, Object> sent = result.object("schedule");
        assertEquals(List.of("a", "b"), sent.get("threads"));
        assertEquals(5L, sent.get("omitted_steps"));
        assertEquals(List.of(Map.of("thread", "a", "action", "reads count", "location", "Counter.java:9",
                "repeats", 2L)), sent.get("steps"));
        assertEquals("", messages.get(4).text("id"));
    }

    private List<Message> read() throws ProtocolException {
        LineCodec codec = new LineCodec("n0nce");
        List<Message> messages = new ArrayList<>();
        for (String line : bytes.toString(StandardCharsets.UTF_8).split("\n")) {
            messages.add(codec.decode(line).orElseThrow());
        }
        return messages;
    }
}
