package kata.support.interleave;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.Supplier;
import kata.support.fixtures.Counters;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A failing schedule names a token; with -Dkata.replay=<token> exactly that schedule runs again. */
class ReplayIT {

    @AfterEach
    void forgetTheToken() {
        System.clearProperty(ReplayToken.PROPERTY);
    }

    private static ExplorationReport twoIncrements(Exploration exploration, Supplier<Counters.Counter> counter,
                                                   String second) {
        return exploration.given(counter)
                .thread("worker-1", Counters.Counter::increment)
                .thread(second, Counters.Counter::increment)
                .check(c -> assertEquals(2, c.get(), "two increments"));
    }

    @Test
    void theTokenOfAFailingScheduleRunsThatScheduleAloneAndFailsTheSameWay() {
        InterleavingFailure first = assertThrows(InterleavingFailure.class,
                () -> twoIncrements(Interleavings.everySchedule(), Counters.Plain::new, "worker-2"));
        String token = first.replayToken().orElseThrow();
        assertTrue(first.getMessage().contains("-Dkata.replay=" + token), first.getMessage());

        System.setProperty(ReplayToken.PROPERTY, token);
        InterleavingFailure replayed = assertThrows(InterleavingFailure.class,
                () -> twoIncrements(Interleavings.everySchedule(), Counters.Plain::new, "worker-2"));

        assertEquals(1, replayed.schedule());
        assertEquals(first.headline(), replayed.headline());
        assertEquals(first.interleaving(), replayed.interleaving());
    }

    @Test
    void withoutTheReplayHintAMessageKeepsEverythingButTheReplaySentence() {
        InterleavingFailure failure = assertThrows(InterleavingFailure.class,
                () -> twoIncrements(Interleavings.everySchedule(), Counters.Plain::new, "worker-2"));
        String hidden = InterleavingFailure.withoutReplayHint(failure.getMessage());

        assertFalse(hidden.contains("kata.replay"), hidden);
        assertTrue(hidden.startsWith(failure.headline()), hidden);
        assertTrue(hidden.contains("How it happens"), hidden);
        assertEquals("expected 2, got 1", InterleavingFailure.withoutReplayHint("expected 2, got 1"));
    }

    @Test
    void aRandomScheduleIsReplayedFromItsSeed() {
        InterleavingFailure first = assertThrows(InterleavingFailure.class,
                () -> twoIncrements(Interleavings.randomSchedule(7).runs(200).switchProbability(0.5), Counters.Plain::new, "worker-2"));

        System.setProperty(ReplayToken.PROPERTY, first.replayToken().orElseThrow());
        InterleavingFailure replayed = assertThrows(InterleavingFailure.class,
                () -> twoIncrements(Interleavings.randomSchedule(7).runs(200).switchProbability(0.5), Counters.Plain::new, "worker-2"));

        assertEquals(first.interleaving(), replayed.interleaving());
    }

    @Test
    void theReplayedScheduleOfAFixedCounterPassesAfterOneSchedule() {
        InterleavingFailure failure = assertThrows(InterleavingFailure.class,
                () -> twoIncrements(Interleavings.everySchedule(), Counters.Plain::new, "worker-2"));
        System.setProperty(ReplayToken.PROPERTY, failure.replayToken().orElseThrow());

        ExplorationReport report = twoIncrements(Interleavings.everySchedule(), Counters.SynchronizedMethod::new,
                "worker-2");

        assertEquals(1, report.executions());
        assertFalse(report.complete(), "one schedule proves nothing about the others");
    }

    @Test
    void aTokenOfAnotherScenarioIsIgnored() {
        InterleavingFailure failure = assertThrows(InterleavingFailure.class,
                () -> twoIncrements(Interleavings.everySchedule(), Counters.Plain::new, "worker-2"));
        System.setProperty(ReplayToken.PROPERTY, failure.replayToken().orElseThrow());

        ExplorationReport report = twoIncrements(Interleavings.everySchedule(), Counters.SynchronizedMethod::new,
                "another");

        assertTrue(report.complete() && report.executions() > 1, report.toString());
    }
}
