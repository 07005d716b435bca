package probe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import kata.support.Graded;
import kata.support.Visibility;
import org.junit.jupiter.api.Test;

class ProbeHiddenTest {

    @Test
    @Graded(id = "answers-twice", name = "answer() twice gives the same", points = 1,
            visibility = Visibility.HIDDEN, timeoutSeconds = 3)
    void answersTwice() {
        Probe probe = new Probe();
        assertEquals(probe.answer(), probe.answer(), "answer() changed between calls");
    }
}
