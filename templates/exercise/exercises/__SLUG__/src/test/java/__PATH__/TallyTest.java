package __PACKAGE__;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import kata.support.Graded;
import kata.support.interleave.Interleavings;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Public checks: what students run with mvn verify. */
class TallyTest {

    @Test
    @DisplayName("One thread: the total is the sum of what was added")
    @Graded(id = "adds-alone", points = 1)
    void addsFromOneThread() {
        Tally tally = new Tally();

        tally.add(2);
        tally.add(3);

        assertEquals(5, tally.total(), () -> TallyFeedback.sequential("After adding 2 and 3", 5, tally.total()));
    }

    @Test
    @DisplayName("Two threads adding at the same time lose nothing, in every order of their steps")
    @Graded(id = "two-adders", points = 2, timeoutSeconds = 30)
    void twoAddersLoseNothing() {
        Interleavings.everySchedule()
                .given(Tally::new)
                .thread("adder-1", tally -> tally.add(1))
                .thread("adder-2", tally -> tally.add(2))
                .check(tally -> {
                    if (tally.total() != 3) {
                        fail(TallyFeedback.lostAddition(3, tally.total()));
                    }
                });
    }
}
