package target;

import static org.junit.jupiter.api.Assertions.assertEquals;

import kata.support.Graded;
import kata.support.Visibility;
import org.junit.jupiter.api.Test;

class TargetHiddenTest {

    /** The hidden secret a hostile submission would like to read: {@value}. */
    static final String SECRET = "hidden-test-secret-7f3a";

    @Test
    @Graded(id = "works", name = "work() does 7 units", points = 1, visibility = Visibility.HIDDEN,
            timeoutSeconds = 8)
    void works() {
        assertEquals(7, new Target().work(), "work() should return 7 (" + SECRET.length() + ")");
    }
}
