package kata.grader.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import kata.grader.course.CheckSpec;
import kata.support.Visibility;
import kata.support.score.CheckKind;
import org.junit.jupiter.api.Test;

class HiddenNamesTest {

    private static final HiddenNames NAMES = HiddenNames.of(List.of(
            new CheckSpec("limit", "limit", CheckKind.TEST, Visibility.HIDDEN, 1, 5, "kata.race.CounterHiddenTest",
                    "kata.race.CounterHiddenTest#limit()", true, false),
            new CheckSpec("five", "five", CheckKind.TEST, Visibility.VISIBLE, 1, 5, "kata.race.CounterTest",
                    "kata.race.CounterTest#five()", false, false)));

    @Test
    void aHiddenChecksFramesBecomeAMarkerAndTheStudentsStay() {
        String trace = "java.lang.IllegalStateException: boom\n"
                + "\tat kata.race.Counter.increment(Counter.java:12)\n"
                + "\tat kata.race.CounterHiddenTest.lambda$limit$2(CounterHiddenTest.java:42)\n"
                + "\tat kata.race.CounterHiddenTest$Racer.run(CounterHiddenTest.java:90)\n"
                + "\tat kata.race.CounterTest.five(CounterTest.java:7)";

        assertEquals("java.lang.IllegalStateException: boom\n"
                + "\tat kata.race.Counter.increment(Counter.java:12)\n"
                + "\tat (hidden check)\n"
                + "\tat (hidden check)\n"
                + "\tat kata.race.CounterTest.five(CounterTest.java:7)", NAMES.scrub(trace));
    }

    @Test
    void aHiddenChecksFileAndSimpleNameAreMarkedToo() {
        assertEquals("step at (hidden check), thread of (hidden check)",
                NAMES.scrub("step at CounterHiddenTest.java:17, thread of CounterHiddenTest$Racer"));
    }
}
