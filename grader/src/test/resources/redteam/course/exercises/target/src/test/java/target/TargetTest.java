package target;

import static org.junit.jupiter.api.Assertions.assertEquals;

import kata.support.Graded;
import org.junit.jupiter.api.Test;

class TargetTest {

    /** Generous: the first check of a JVM also pays for starting JUnit on a busy machine. */
    @Test
    @Graded(id = "answers-42", name = "answer() is 42", points = 2, timeoutSeconds = 20)
    void answers42() {
        assertEquals(42, new Target().answer(), "answer() should be 42");
    }
}
