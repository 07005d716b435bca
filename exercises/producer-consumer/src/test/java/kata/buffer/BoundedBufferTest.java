package kata.buffer;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import kata.support.Graded;
import kata.support.interleave.Interleavings;
import kata.support.threads.Threads;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Public checks. Blocking is observed through thread states (a blocked put or take must be parked,
 * not finished), never by sleeping; the concurrent check lets the kata agent choose which thread
 * runs at every lock, wait and wake-up, so a wrong wait shows up on every run.
 */
class BoundedBufferTest {

    /** A bound for states that must come; a correct buffer reaches them in milliseconds. */
    static final Duration SETTLE = Duration.ofSeconds(10);

    @BeforeAll
    static void awaitilityMustNotFailOnOtherThreadsExceptions() {
        Awaitility.doNotCatchUncaughtExceptionsByDefault();
    }

    @Test
    @DisplayName("One thread: items come out in the order they went in, and size() counts them")
    @Graded(id = "fifo-alone", points = 1)
    void firstInFirstOutFromOneThread() throws InterruptedException {
        BoundedBuffer<String> buffer = new BoundedBuffer<>(3);

        buffer.put("a");
        buffer.put("b");
        buffer.put("c");
        int full = buffer.size();
        List<String> taken = List.of(buffer.take(), buffer.take(), buffer.take());

        assertEquals(3, full, BufferFeedback.sequential("size() after 3 puts", 3, full));
        assertEquals(List.of("a", "b", "c"), taken,
                BufferFeedback.sequential("take() three times after put(a), put(b), put(c)", "[a, b, c]", taken));
        assertEquals(0, buffer.size(), BufferFeedback.sequential("size() after taking everything", 0, buffer.size()));
    }

    @Test
    @DisplayName("put waits while the buffer is full, and goes on once a take makes room")
    @Graded(id = "put-blocks-when-full", points = 2, timeoutSeconds = 30)
    void putWaitsWhileFull() throws InterruptedException {
        BoundedBuffer<String> buffer = new BoundedBuffer<>(2);
        buffer.put("a");
        buffer.put("b");

        Thread producer = start("producer", () -> buffer.put("c"));
        awaitParkedOrFinished(producer);
        if (!producer.isAlive()) {
            fail(BufferFeedback.putDidNotBlock(2));
        }

        String first = buffer.take();
        awaitFinished(producer, "The producer blocked in put(c)", "a take() made room");
        List<String> rest = List.of(buffer.take(), buffer.take());

        assertEquals("a", first, BufferFeedback.sequential("The first take()", "a", first));
        assertEquals(List.of("b", "c"), rest, BufferFeedback.sequential("The next two takes", "[b, c]", rest));
    }

    @Test
    @DisplayName("take waits while the buffer is empty, and gets the item a put brings")
    @Graded(id = "take-blocks-when-empty", points = 2, timeoutSeconds = 30)
    void takeWaitsWhileEmpty() throws InterruptedException {
        BoundedBuffer<String> buffer = new BoundedBuffer<>(2);
        AtomicReference<String> got = new AtomicReference<>();

        Thread consumer = start("consumer", () -> got.set(buffer.take()));
        awaitParkedOrFinished(consumer);
        if (!consumer.isAlive()) {
            fail(BufferFeedback.takeDidNotBlock(got.get()));
        }

        buffer.put("x");
        awaitFinished(consumer, "The consumer blocked in take()", "put(x)");

        assertEquals("x", got.get(), BufferFeedback.sequential("The blocked take() after put(x)", "x", got.get()));
        assertEquals(0, buffer.size(), BufferFeedback.sequential("size() after that", 0, buffer.size()));
    }

    @Test
    @DisplayName("offer and poll give up after their timeout, and succeed at once when they can")
    @Graded(id = "timeouts", points = 2, timeoutSeconds = 30)
    void timedCallsGiveUp() throws InterruptedException {
        BoundedBuffer<String> buffer = new BoundedBuffer<>(1);

        long pollStart = System.nanoTime();
        String polled = buffer.poll(50, TimeUnit.MILLISECONDS);
        long pollMillis = elapsedMillis(pollStart);
        boolean offered = buffer.offer("a", 0, TimeUnit.MILLISECONDS);
        long offerStart = System.nanoTime();
        boolean offeredWhenFull = buffer.offer("b", 50, TimeUnit.MILLISECONDS);
        long offerMillis = elapsedMillis(offerStart);
        String polledWhenThere = buffer.poll(0, TimeUnit.MILLISECONDS);

        assertNull(polled, BufferFeedback.wrongTimedResult("poll(50 ms) on an empty buffer", null, polled));
        assertTrue(pollMillis >= 50, BufferFeedback.timedOutTooEarly("poll(50 ms)", pollMillis, 50));
        assertTrue(offered, BufferFeedback.wrongTimedResult("offer(a, 0 ms) on an empty buffer", true, false));
        assertEquals(false, offeredWhenFull,
                BufferFeedback.wrongTimedResult("offer(b, 50 ms) on a full buffer of capacity 1", false, true));
        assertTrue(offerMillis >= 50, BufferFeedback.timedOutTooEarly("offer(b, 50 ms)", offerMillis, 50));
        assertEquals("a", polledWhenThere,
                BufferFeedback.wrongTimedResult("poll(0 ms) on a buffer holding a", "a", polledWhenThere));
    }

    /**
     * What one schedule of the scenario starts from, and what its consumers got. Room for every item,
     * so that only consumers ever wait: a lost wake-up between producers and consumers needs a thread
     * to barge in between a wake-up and the woken thread's return, which the scheduler does not
     * explore the same way on every run; this scenario's verdict never depends on it.
     */
    record Exchange(BoundedBuffer<String> buffer, List<String> taken) {
        Exchange() {
            this(new BoundedBuffer<>(2), new CopyOnWriteArrayList<>());
        }
    }

    @Test
    @DisplayName("2 producers and 2 waiting consumers: each item is taken exactly once, in every order")
    @Graded(id = "no-item-lost", points = 3, timeoutSeconds = 90)
    void severalProducersAndConsumersLoseNothing() {
        Interleavings.everySchedule().preemptions(1).preemptingOnlyAtSynchronization()
                .given(Exchange::new)
                .thread("consumer-1", exchange -> exchange.taken().add(exchange.buffer().take()))
                .thread("consumer-2", exchange -> exchange.taken().add(exchange.buffer().take()))
                .thread("producer-1", exchange -> exchange.buffer().put("a"))
                .thread("producer-2", exchange -> exchange.buffer().put("b"))
                .check(exchange -> {
                    List<String> taken = new ArrayList<>(exchange.taken());
                    if (taken.size() != 2 || !taken.containsAll(List.of("a", "b"))) {
                        fail(BufferFeedback.itemsLostOrDuplicated(
                                "2 producers put a and b, 2 consumers took one item each", taken, List.of("a", "b")));
                    }
                });
    }

    interface Action {
        void run() throws InterruptedException;
    }

    static Thread start(String name, Action action) {
        Thread thread = new Thread(() -> {
            try {
                action.run();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /**
     * Waits until the thread has finished, or is parked (waiting or blocked), or has burnt 50 ms of
     * CPU: a busy-waiting thread never parks, yet it did not return either, which is what counts here.
     */
    static void awaitParkedOrFinished(Thread thread) {
        await().atMost(SETTLE).pollInterval(Duration.ofMillis(1)).until(() -> !thread.isAlive()
                || Threads.isWaiting(thread) || Threads.cpuNanos(thread) > 50_000_000L);
    }

    static void awaitFinished(Thread thread, String who, String what) throws InterruptedException {
        thread.join(SETTLE.toMillis());
        if (thread.isAlive()) {
            Thread.State state = thread.getState();
            thread.interrupt();
            fail(BufferFeedback.notWoken(who, what, state));
        }
    }

    static long elapsedMillis(long startNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    }
}
