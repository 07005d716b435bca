package kata.support.interleave;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.IntFunction;
import kata.support.fixtures.Buffers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The scheduler on guarded blocks (wait/notifyAll and Lock/Condition), as the producer-consumer kata
 * uses it: two producers and two consumers on a buffer with room for both items (only consumers
 * wait), every schedule with one preemption.
 * Whom {@code notify()} wakes is a choice the schedule explores, so the lost wake-up of notify (or of
 * one Condition with signal) is found on every run, with two items per producer and consumer.
 */
class BufferSchedulingIT {

    record Exchange(Buffers.Buffer buffer, List<Object> taken) {
    }

    private static IntFunction<Buffers.Buffer> buffer(String kind) {
        return switch (kind) {
            case "notifyAll" -> Buffers.NotifyAll::new;
            case "two-conditions" -> Buffers.TwoConditions::new;
            case "if" -> Buffers.IfWait::new;
            case "notify" -> Buffers.NotifyOne::new;
            case "one-condition" -> Buffers.OneCondition::new;
            default -> throw new IllegalArgumentException(kind);
        };
    }

    private static ExplorationReport twoProducersTwoConsumers(String kind) {
        return Interleavings.everySchedule().preemptions(1).preemptingOnlyAtSynchronization()
                .given(() -> new Exchange(buffer(kind).apply(2), new CopyOnWriteArrayList<>()))
                .thread("consumer-1", e -> e.taken().add(e.buffer().take()))
                .thread("consumer-2", e -> e.taken().add(e.buffer().take()))
                .thread("producer-1", e -> e.buffer().put("a"))
                .thread("producer-2", e -> e.buffer().put("b"))
                .check(e -> assertEquals(2, e.taken().stream().filter(x -> x != null).distinct().count(),
                        "taken " + e.taken()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"notifyAll", "two-conditions"})
    void correctBuffersPassEverySchedule(String kind) {
        ExplorationReport report = twoProducersTwoConsumers(kind);

        assertTrue(report.complete(), kind + ": " + report);
    }

    /** Capacity 1, two producers and two consumers of two items each: every waiter kind waits at times. */
    private static ExplorationReport twoItemsEach(String kind) {
        return Interleavings.everySchedule().preemptions(1).preemptingOnlyAtSynchronization()
                .given(() -> buffer(kind).apply(1))
                .thread("consumer-1", b -> { b.take(); b.take(); })
                .thread("consumer-2", b -> { b.take(); b.take(); })
                .thread("producer-1", b -> { b.put("a1"); b.put("a2"); })
                .thread("producer-2", b -> { b.put("b1"); b.put("b2"); })
                .run();
    }

    @ParameterizedTest
    @ValueSource(strings = {"notifyAll", "two-conditions"})
    void correctBuffersHandEveryItemOnWithOneSlot(String kind) {
        assertTrue(twoItemsEach(kind).complete(), kind);
    }

    @ParameterizedTest
    @ValueSource(strings = {"notify", "one-condition"})
    void aWakeUpSpentOnTheWrongKindOfWaiterIsFound(String kind) {
        InterleavingFailure failure = assertThrows(InterleavingFailure.class, () -> twoItemsEach(kind));

        assertEquals("stuck", failure.kind(), failure.getMessage());
    }

    @Test
    void waitingInAnIfIsFound() {
        InterleavingFailure failure = assertThrows(InterleavingFailure.class, () -> twoProducersTwoConsumers("if"));

        assertTrue(failure.headline().contains("taken"), failure.headline());
    }
}
