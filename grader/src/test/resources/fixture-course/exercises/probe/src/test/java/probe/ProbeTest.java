package probe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import kata.support.Graded;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ProbeTest {

    @Test
    @DisplayName("answer() is 42")
    @Graded(id = "answers-42", points = 2, timeoutSeconds = 3)
    void answers42() {
        assertEquals(42, new Probe().answer(), "answer() should be 42");
    }

    @Test
    @DisplayName("say() prints without failing")
    @Graded(id = "says-hello", points = 1, timeoutSeconds = 3)
    void saysHello() {
        new Probe().say("hello");
    }
}
