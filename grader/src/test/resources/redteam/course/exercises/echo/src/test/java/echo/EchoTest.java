package echo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import kata.support.Graded;
import org.junit.jupiter.api.Test;

class EchoTest {

    @Test
    @Graded(id = "echoes", name = "roundTrip(text) returns the text", points = 1, timeoutSeconds = 20)
    void echoes() throws Exception {
        assertEquals("ping", new Echo().roundTrip("ping"), "the echo should return what was sent");
    }
}
