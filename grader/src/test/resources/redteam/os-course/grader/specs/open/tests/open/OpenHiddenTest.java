package open;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import kata.support.Graded;
import kata.support.Visibility;
import org.junit.jupiter.api.Test;

/** A hidden check, whose class file finds-the-hidden-checks-on-disk looks for. */
class OpenHiddenTest {

    @Test
    @Graded(id = "constructs", name = "an Open can be made", points = 1, visibility = Visibility.HIDDEN,
            timeoutSeconds = 20)
    void constructs() {
        assertNotNull(new Open());
    }
}
