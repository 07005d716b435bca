package kata.race;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import kata.support.Graded;
import kata.support.Visibility;
import kata.support.interleave.Interleavings;
import kata.support.interleave.Scenario;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Hidden checks: the compound operation, which a volatile field or a lone atomic read gets wrong. */
class CounterHiddenTest {

    private record Race(Counter counter, AtomicInteger successes, AtomicBoolean limitedSucceeded) {
        Race() {
            this(new Counter(), new AtomicInteger(), new AtomicBoolean());
        }
    }

    @Test
    @DisplayName("Two incrementIfBelow(1) at the same time: exactly one succeeds, in every order")
    @Graded(id = "limit-any-schedule", points = 3, visibility = Visibility.AFTER_DUE_DATE, timeoutSeconds = 30)
    void checkThenActIsAtomic() {
        Interleavings.everySchedule()
                .given(Race::new)
                .thread("buyer-1", race -> tryOnce(race, 1))
                .thread("buyer-2", race -> tryOnce(race, 1))
                .check(race -> {
                    int count = race.counter().get();
                    if (count != 1 || race.successes().get() != 1) {
                        fail(RaceFeedback.limitPassed(count, race.successes().get()));
                    }
                });
    }

    @Test
    @DisplayName("increment and incrementIfBelow at the same time lose no update, in every order")
    @Graded(id = "limit-with-increment", points = 2, visibility = Visibility.AFTER_DUE_DATE, timeoutSeconds = 30)
    void bothMethodsExcludeEachOther() {
        Interleavings.everySchedule()
                .given(Race::new)
                .thread("incrementer", race -> race.counter().increment())
                .thread("limited", race -> race.limitedSucceeded().set(race.counter().incrementIfBelow(1)))
                .check(race -> {
                    boolean succeeded = race.limitedSucceeded().get();
                    int count = race.counter().get();
                    if (count != (succeeded ? 2 : 1)) {
                        fail(RaceFeedback.mixedLostUpdate(succeeded, count));
                    }
                });
    }

    private record Rush(Counter[] concerts, AtomicInteger sold) {
        Rush() {
            this(newCounters(CONCERTS), new AtomicInteger());
        }
    }

    private static final int CONCERTS = 100;

    @Test
    @DisplayName("3 buyers rush 100 one-seat concerts: every concert sells exactly one seat")
    @Graded(id = "ticket-rush", points = 2, visibility = Visibility.AFTER_DUE_DATE, timeoutSeconds = 60)
    void ticketRushSellsEachSeatOnce() {
        Scenario<Rush> scenario = Interleavings.randomSchedule(CounterTest.SEED).given(Rush::new);
        for (int buyer = 1; buyer <= 3; buyer++) {
            scenario = scenario.thread("buyer-" + buyer, rush -> {
                for (Counter concert : rush.concerts()) {
                    if (concert.incrementIfBelow(1)) {
                        rush.sold().incrementAndGet();
                    }
                }
            });
        }

        scenario.check(rush -> {
            int oversold = 0;
            for (Counter concert : rush.concerts()) {
                oversold += concert.get() == 1 ? 0 : 1;
            }
            if (oversold > 0 || rush.sold().get() != CONCERTS) {
                fail(RaceFeedback.oversold(3, CONCERTS, oversold, rush.sold().get()));
            }
        });
    }

    private static Counter[] newCounters(int count) {
        Counter[] counters = new Counter[count];
        for (int i = 0; i < count; i++) {
            counters[i] = new Counter();
        }
        return counters;
    }

    private static void tryOnce(Race race, int limit) {
        if (race.counter().incrementIfBelow(limit)) {
            race.successes().incrementAndGet();
        }
    }
}
