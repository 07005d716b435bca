package kata.support.interleave;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.Supplier;
import kata.support.fixtures.Counters;
import kata.support.fixtures.Getters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The data-race detector: a field read without the synchronization its writers use is reported,
 * with both lines, in every schedule; every correct way of reading it is accepted.
 */
class DataRacesIT {

    private static Supplier<Counters.Counter> counter(String kind) {
        return switch (kind) {
            case "unsynchronized" -> Getters.UnsynchronizedGet::new;
            case "synchronized" -> Getters.SynchronizedGet::new;
            case "volatile" -> Getters.VolatileGet::new;
            case "atomic" -> Getters.AtomicGet::new;
            case "optimistic" -> Getters.OptimisticGet::new;
            case "synchronizer" -> Getters.SynchronizerGet::new;
            default -> throw new IllegalArgumentException(kind);
        };
    }

    private static ExplorationReport incrementWhileReading(String kind) {
        return Interleavings.everySchedule().detectingDataRaces()
                .given(counter(kind))
                .thread("writer", Counters.Counter::increment)
                .thread("reader", Counters.Counter::get)
                .run();
    }

    @Test
    void aGetterThatSkipsTheWritersLockIsARaceWithBothLines() {
        InterleavingFailure failure = assertThrows(InterleavingFailure.class,
                () -> incrementWhileReading("unsynchronized"));

        assertEquals("race", failure.kind());
        assertTrue(failure.headline().contains("Data race on UnsynchronizedGet.value"), failure.headline());
        assertTrue(failure.headline().contains("\"writer\" wrote it at Getters.java:"), failure.headline());
        assertTrue(failure.headline().contains("\"reader\" read it at Getters.java:"), failure.headline());
    }

    @ParameterizedTest
    @ValueSource(strings = {"synchronized", "volatile", "atomic", "optimistic", "synchronizer"})
    void everyOrderedWayOfReadingIsNoRace(String kind) {
        assertTrue(incrementWhileReading(kind).complete());
    }

    @Test
    void dataPublishedThroughAVolatileFlagIsNoRace() {
        Interleavings.everySchedule().detectingDataRaces()
                .given(Getters.Publication::new)
                .thread("publisher", Getters.Publication::publish)
                .thread("consumer", Getters.Publication::consume)
                .check(p -> assertTrue(p.seen == -1 || p.seen == 42, "seen " + p.seen));
    }

    @Test
    void dataPublishedThroughAPlainFlagIsARace() {
        InterleavingFailure failure = assertThrows(InterleavingFailure.class, () ->
                Interleavings.everySchedule().detectingDataRaces()
                        .given(Getters.PlainPublication::new)
                        .thread("publisher", Getters.PlainPublication::publish)
                        .thread("consumer", Getters.PlainPublication::consume)
                        .run());

        assertEquals("race", failure.kind());
    }

    @Test
    void withoutTheOptionARacyGetterPassesAsBefore() {
        assertTrue(Interleavings.everySchedule()
                .given(counter("unsynchronized"))
                .thread("writer", Counters.Counter::increment)
                .thread("reader", Counters.Counter::get)
                .run().complete());
    }
}
