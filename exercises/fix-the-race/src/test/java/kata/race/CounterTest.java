package kata.race;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import kata.support.Graded;
import kata.support.interleave.Interleavings;
import kata.support.interleave.Scenario;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Public checks. The concurrent ones do not rely on luck: the kata agent lets them choose which
 * thread runs at each step, so a race shows up on every run, on any machine.
 */
class CounterTest {

    /** Fixed, so that the "random" schedule is the same on every run. */
    static final long SEED = 20_241_122L;

    @Test
    @DisplayName("One thread: the count starts at 0 and goes up by one per increment")
    @Graded(id = "counts-alone", points = 1)
    void countsFromOneThread() {
        Counter counter = new Counter();
        assertEquals(0, counter.get(), RaceFeedback.sequential("A new counter", 0, counter.get()));

        counter.increment();
        counter.increment();
        counter.increment();

        assertEquals(3, counter.get(), () -> RaceFeedback.sequential("After 3 increments", 3, counter.get()));
    }

    @Test
    @DisplayName("One thread: incrementIfBelow stops at the limit")
    @Graded(id = "limit-alone", points = 1)
    void stopsAtTheLimitFromOneThread() {
        Counter counter = new Counter();

        List<Boolean> answers = List.of(counter.incrementIfBelow(2), counter.incrementIfBelow(2),
                counter.incrementIfBelow(2));

        assertEquals(List.of(true, true, false), answers,
                () -> RaceFeedback.sequential("incrementIfBelow(2) three times on a new counter", "[true, true, false]",
                        answers));
        assertEquals(2, counter.get(), () -> RaceFeedback.sequential("The count after that", 2, counter.get()));
    }

    @Test
    @DisplayName("5 threads x 1000 increments give exactly 5000 (the seed's race)")
    @Graded(id = "five-workers", points = 3, timeoutSeconds = 60)
    void fiveWorkersLoseNoIncrement() {
        Scenario<Counter> scenario = Interleavings.randomSchedule(SEED).given(Counter::new);
        for (int worker = 1; worker <= 5; worker++) {
            scenario = scenario.thread("worker-" + worker, counter -> incrementTimes(counter, 1000));
        }

        scenario.check(counter -> {
            int count = counter.get();
            if (count != 5000) {
                fail(RaceFeedback.lostIncrements(5, 1000, count));
            }
        });
    }

    @Test
    @DisplayName("Two increments at the same time give 2, in every order of their steps")
    @Graded(id = "two-increments", points = 3, timeoutSeconds = 30)
    void twoIncrementsNeverLoseOne() {
        Interleavings.everySchedule()
                .given(Counter::new)
                .thread("worker-1", Counter::increment)
                .thread("worker-2", Counter::increment)
                .check(counter -> {
                    int count = counter.get();
                    if (count != 2) {
                        fail(RaceFeedback.lostOneOfTwo(count));
                    }
                });
    }

    static void incrementTimes(Counter counter, int times) {
        for (int i = 0; i < times; i++) {
            counter.increment();
        }
    }
}
