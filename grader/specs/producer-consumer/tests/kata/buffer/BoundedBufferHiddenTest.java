package kata.buffer;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import kata.support.Graded;
import kata.support.Visibility;
import kata.support.interleave.Interleavings;
import kata.support.threads.Threads;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Hidden checks: exact capacity, quiet waiting, and a producer that refills while two consumers wait. */
class BoundedBufferHiddenTest {

    /** A correct put or take parks within milliseconds; a busy-waiting one never does. */
    static final Duration PARK_WITHIN = Duration.ofSeconds(5);

    @BeforeAll
    static void awaitilityMustNotFailOnOtherThreadsExceptions() {
        Awaitility.doNotCatchUncaughtExceptionsByDefault();
    }

    @Test
    @DisplayName("A buffer of capacity 3 holds exactly 3 items")
    @Graded(id = "capacity-exact", points = 1, visibility = Visibility.AFTER_DUE_DATE)
    void holdsExactlyItsCapacity() throws InterruptedException {
        BoundedBuffer<Integer> buffer = new BoundedBuffer<>(3);

        int accepted = 0;
        while (accepted < 10 && buffer.offer(accepted, 0, TimeUnit.MILLISECONDS)) {
            accepted++;
        }

        assertEquals(3, accepted, BufferFeedback.capacityWrong(3, accepted));
    }

    @Test
    @DisplayName("A blocked take and a blocked put park (WAITING) instead of spinning")
    @Graded(id = "no-busy-wait", points = 2, visibility = Visibility.AFTER_DUE_DATE, timeoutSeconds = 30)
    void blockedCallsWaitQuietly() throws InterruptedException {
        BoundedBuffer<String> buffer = new BoundedBuffer<>(1);

        Thread consumer = BoundedBufferTest.start("consumer", buffer::take);
        String consumerBusy = busyWaitOf(consumer, "take() on an empty buffer");
        buffer.put("a");
        BoundedBufferTest.awaitFinished(consumer, "The consumer blocked in take()", "put(a)");

        buffer.put("b");
        Thread producer = BoundedBufferTest.start("producer", () -> buffer.put("c"));
        String producerBusy = busyWaitOf(producer, "put(c) on a full buffer");
        buffer.take();
        BoundedBufferTest.awaitFinished(producer, "The producer blocked in put(c)", "a take()");

        // Released first and failed after, so that a spinning thread does not outlive the check.
        if (consumerBusy != null || producerBusy != null) {
            fail(consumerBusy != null ? consumerBusy : producerBusy);
        }
    }

    /** What one schedule starts from, and what its consumers got; room for both items, as in no-item-lost. */
    record Refill(BoundedBuffer<String> buffer, List<String> taken) {
        Refill() {
            this(new BoundedBuffer<>(2), new CopyOnWriteArrayList<>());
        }
    }

    @Test
    @DisplayName("1 producer puts a then b while 2 consumers wait: each takes one, in every order")
    @Graded(id = "refill-while-waiting", points = 2, visibility = Visibility.AFTER_DUE_DATE, timeoutSeconds = 90)
    void producerRefillsForTwoWaitingConsumers() {
        Interleavings.everySchedule().preemptions(2).preemptingOnlyAtSynchronization()
                .given(Refill::new)
                .thread("consumer-1", refill -> refill.taken().add(refill.buffer().take()))
                .thread("consumer-2", refill -> refill.taken().add(refill.buffer().take()))
                .thread("producer", refill -> {
                    refill.buffer().put("a");
                    refill.buffer().put("b");
                })
                .check(refill -> {
                    List<String> taken = new ArrayList<>(refill.taken());
                    if (taken.size() != 2 || !taken.containsAll(List.of("a", "b"))) {
                        fail(BufferFeedback.itemsLostOrDuplicated(
                                "1 producer put a then b, 2 consumers took one item each", taken, List.of("a", "b")));
                    }
                });
    }

    /**
     * Null once the thread parks in WAITING, or when it did not block at all (that is a bound's
     * check, not this one); else what it did instead, for the student.
     */
    private static String busyWaitOf(Thread thread, String call) {
        try {
            await().atMost(PARK_WITHIN).pollInterval(Duration.ofMillis(1))
                    .until(() -> thread.getState() == Thread.State.WAITING || !thread.isAlive());
            return null;
        } catch (ConditionTimeoutException notParked) {
            long cpuMillis = TimeUnit.NANOSECONDS.toMillis(Threads.cpuNanos(thread));
            return BufferFeedback.busyWaiting(call, thread.getState(), cpuMillis);
        }
    }
}
