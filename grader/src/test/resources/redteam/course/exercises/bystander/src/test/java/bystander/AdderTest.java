package bystander;

import static org.junit.jupiter.api.Assertions.assertEquals;

import kata.support.Graded;
import org.junit.jupiter.api.Test;

class AdderTest {

    @Test
    @Graded(id = "adds", name = "add(2, 3) is 5", points = 1, timeoutSeconds = 20)
    void adds() {
        assertEquals(5, new Adder().add(2, 3), "add(2, 3) should be 5");
    }
}
