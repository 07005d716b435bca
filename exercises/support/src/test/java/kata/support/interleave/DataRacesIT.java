package kata.support.interleave;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.Supplier;
import kata.support.fixtures.Counters;
import kata.support.fixtures.Getters;
import kata.support.fixtures.SharedCollections;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The data-race detectors: a field read without the synchronization its writers use is reported,
 * with both lines, in every schedule; every correct way of reading it is accepted. Likewise a
 * collection that is not thread-safe, changed by one thread while another uses it.
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

    private static Supplier<SharedCollections.Results> results(String kind) {
        return switch (kind) {
            case "unlocked map" -> SharedCollections.UnlockedMap::new;
            case "unlocked list" -> SharedCollections.UnlockedList::new;
            case "locked map" -> SharedCollections.LockedMap::new;
            case "concurrent map" -> SharedCollections.ConcurrentMap::new;
            case "synchronized list" -> SharedCollections.SynchronizedList::new;
            case "own slots" -> SharedCollections.OwnSlots::new;
            default -> throw new IllegalArgumentException(kind);
        };
    }

    private static ExplorationReport recordTwoResults(String kind) {
        return Interleavings.everySchedule()
                .given(results(kind))
                .thread("first", r -> r.record(0))
                .thread("second", r -> r.record(1))
                .run();
    }

    @Test
    void twoThreadsPuttingIntoAHashMapIsARaceWithBothCalls() {
        InterleavingFailure failure = assertThrows(InterleavingFailure.class, () -> recordTwoResults("unlocked map"));

        assertEquals("race", failure.kind());
        assertTrue(failure.headline().contains("Data race on a HashMap"), failure.headline());
        assertTrue(failure.headline().contains("\"first\" changed it with put() at SharedCollections.java:"),
                failure.headline());
        assertTrue(failure.headline().contains("\"second\" changed it with put() at SharedCollections.java:"),
                failure.headline());
    }

    @Test
    void askingTheSizeOfAListAnotherThreadAddsToIsARace() {
        InterleavingFailure failure = assertThrows(InterleavingFailure.class, () -> recordTwoResults("unlocked list"));

        assertTrue(failure.headline().contains("Data race on an ArrayList"), failure.headline());
        assertTrue(failure.headline().contains("read it with size()"), failure.headline());
    }

    @ParameterizedTest
    @ValueSource(strings = {"locked map", "concurrent map", "synchronized list", "own slots"})
    void everyThreadSafeWayOfCollectingResultsIsNoRace(String kind) {
        assertTrue(recordTwoResults(kind).complete());
    }

    @Test
    void aListHandedOverThroughAnExecutorsFutureIsNoRace() {
        Interleavings.everySchedule()
                .given(() -> new int[1])
                .thread("caller", size -> size[0] = SharedCollections.handedOverThroughAFuture())
                .thread("bystander", size -> { })
                .check(size -> assertEquals(2, size[0]));
    }

    @Test
    void aListTwoPoolThreadsAddToAtOnceIsARace() {
        InterleavingFailure failure = assertThrows(InterleavingFailure.class, () ->
                Interleavings.everySchedule()
                        .given(() -> new int[1])
                        .thread("caller", size -> size[0] = SharedCollections.filledByTwoPoolThreads())
                        .thread("bystander", size -> { })
                        .run());

        assertTrue(failure.headline().contains("changed it with add()"), failure.headline());
    }

    @Test
    void withoutTheOptionFieldsAreLeftAloneButCollectionsNot() {
        assertTrue(Interleavings.everySchedule()
                .given(counter("unsynchronized"))
                .thread("writer", Counters.Counter::increment)
                .thread("reader", Counters.Counter::get)
                .run().complete());
    }

    @Test
    void dataRacesIncludeCollectionRaces() {
        InterleavingFailure failure = assertThrows(InterleavingFailure.class, () ->
                Interleavings.everySchedule().detectingDataRaces()
                        .given(results("unlocked map"))
                        .thread("first", r -> r.record(0))
                        .thread("second", r -> r.record(1))
                        .run());

        assertTrue(failure.headline().contains("Data race on a HashMap"), failure.headline());
    }

    @Test
    void aWaiterThatLeavesItsListAfterAnInterruptedAwaitIsNoRace() {
        assertTrue(Interleavings.everySchedule()
                .given(SharedCollections.WaiterList::new)
                .thread("waiter", SharedCollections.WaiterList::await)
                .thread("interrupter", SharedCollections.WaiterList::interruptFirst)
                .run().complete());
    }
}
