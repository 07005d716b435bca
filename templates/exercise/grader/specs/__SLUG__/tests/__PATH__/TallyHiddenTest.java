package __PACKAGE__;

import static org.junit.jupiter.api.Assertions.fail;

import kata.support.Graded;
import kata.support.Visibility;
import kata.support.interleave.Interleavings;
import kata.support.interleave.Scenario;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Hidden checks: graded by the grader only, never published to students. */
class TallyHiddenTest {

    @Test
    @DisplayName("3 threads x 100 additions of 1 give exactly 300")
    @Graded(id = "many-adders", points = 2, visibility = Visibility.AFTER_DUE_DATE, timeoutSeconds = 60)
    void manyAddersLoseNothing() {
        Scenario<Tally> scenario = Interleavings.randomSchedule(42).given(Tally::new);
        for (int adder = 1; adder <= 3; adder++) {
            scenario = scenario.thread("adder-" + adder, tally -> {
                for (int i = 0; i < 100; i++) {
                    tally.add(1);
                }
            });
        }

        scenario.check(tally -> {
            if (tally.total() != 300) {
                fail(TallyFeedback.lostAdditions(300, tally.total()));
            }
        });
    }
}
