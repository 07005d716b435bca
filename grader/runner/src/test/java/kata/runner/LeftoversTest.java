package kata.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LeftoversTest {

    private final CountDownLatch release = new CountDownLatch(1);
    private volatile boolean spin = true;
    private Thread thread;

    @AfterEach
    void endTheThread() throws InterruptedException {
        spin = false;
        release.countDown();
        thread.interrupt();
        thread.join();
    }

    @Test
    void aThreadWaitingWithoutATimeLimitAndHoldingNoLockIsIdleForGood() throws InterruptedException {
        Set<Thread> before = Leftovers.now();
        thread = started(this::awaitRelease, Thread.State.WAITING);

        Set<Thread> left = Leftovers.remaining(before);

        assertEquals(Set.of(thread), left);
        assertTrue(Leftovers.idleForGood(left));
    }

    @Test
    void aThreadThatHoldsALockWhileItWaitsIsNotIdleForGood() throws InterruptedException {
        ReentrantLock lock = new ReentrantLock();
        thread = started(() -> {
            lock.lock();
            awaitRelease();
        }, Thread.State.WAITING);

        assertFalse(Leftovers.idleForGood(Set.of(thread)));
    }

    @Test
    void aThreadThatHoldsAMonitorWhileItWaitsIsNotIdleForGood() throws InterruptedException {
        Object monitor = new Object();
        thread = started(() -> {
            synchronized (monitor) {
                awaitRelease();
            }
        }, Thread.State.WAITING);

        assertFalse(Leftovers.idleForGood(Set.of(thread)));
    }

    @Test
    void aThreadInATimedWaitIsNotIdleForGood() throws InterruptedException {
        thread = started(() -> {
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException ended) {
                // the test is over
            }
        }, Thread.State.TIMED_WAITING);

        assertFalse(Leftovers.idleForGood(Set.of(thread)));
    }

    @Test
    void aRunningThreadIsNotIdleForGood() throws InterruptedException {
        thread = started(() -> {
            long rounds = 0;
            while (spin) {
                rounds++;
            }
            assertTrue(rounds >= 0);
        }, Thread.State.RUNNABLE);

        assertFalse(Leftovers.idleForGood(Set.of(thread)));
    }

    @Test
    void anIdleWorkerOfTheCommonPoolIsNotIdleForGood() throws InterruptedException {
        CountDownLatch running = new CountDownLatch(1);
        thread = new Thread(() -> { });
        ForkJoinPool.commonPool().execute(() -> {
            running.countDown();
            awaitRelease();
        });
        running.await();
        Thread worker = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t instanceof ForkJoinWorkerThread).findFirst().orElseThrow();
        while (worker.getState() != Thread.State.WAITING) {
            Thread.onSpinWait();
        }

        assertFalse(Leftovers.idleForGood(Set.of(worker)));
    }

    @Test
    void aThreadThatEndedIsNoLeftover() throws InterruptedException {
        Set<Thread> before = Leftovers.now();
        thread = new Thread(() -> { });
        thread.start();
        thread.join();

        assertEquals(Set.of(), Leftovers.remaining(before));
    }

    private void awaitRelease() {
        try {
            release.await();
        } catch (InterruptedException ended) {
            // the test is over
        }
    }

    /** Starts the body on a thread and returns once the thread is in that state. */
    private static Thread started(Runnable body, Thread.State state) {
        Thread started = new Thread(body, "left-behind");
        started.setDaemon(true);
        started.start();
        while (started.getState() != state) {
            Thread.onSpinWait();
        }
        return started;
    }
}
