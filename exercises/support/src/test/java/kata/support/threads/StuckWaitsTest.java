package kata.support.threads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * The two waits that checks report at once instead of waiting out a bound: a thread that waits
 * holding a lock the thread it waits for needs, and a pool's worker idle in a pool nobody shut
 * down. Each must be reported only when it really cannot end.
 */
class StuckWaitsTest {

    private static final long PATIENCE_NANOS = TimeUnit.SECONDS.toNanos(10);

    @Test
    void aJoinWhileHoldingTheMonitorTheJoinedThreadNeedsIsReportedWithBothThreads() throws Exception {
        Object monitor = new Object();
        CountDownLatch holding = new CountDownLatch(1);
        AtomicReference<Thread> worker = new AtomicReference<>();
        Thread owner = new Thread(() -> {
            synchronized (monitor) {
                Thread needs = new Thread(() -> {
                    synchronized (monitor) {
                        // never reached while the owner joins
                    }
                }, "needs-the-monitor");
                worker.set(needs);
                needs.setDaemon(true);
                needs.start();
                holding.countDown();
                try {
                    needs.join();
                } catch (InterruptedException released) {
                    // the test lets it go
                }
            }
        }, "joins-holding-it");
        owner.setDaemon(true);
        owner.start();
        holding.await();

        AtomicReference<Optional<String>> found = new AtomicReference<>(Optional.empty());
        assertTrue(eventually(() -> {
            found.set(Deadlocks.holdsWhileWaiting(owner, List.of(worker.get()), LockNames.of(java.util.Map.of(monitor,
                    "the monitor"))));
            return found.get().isPresent();
        }), "a join holding the monitor the joined thread is blocked on");
        String text = found.get().orElseThrow();
        assertTrue(text.contains("\"joins-holding-it\" holds the monitor"), text);
        assertTrue(text.contains("\"needs-the-monitor\" waits for the monitor"), text);

        owner.interrupt();
        owner.join();
        worker.get().join();
    }

    @Test
    void aTimedWaitOrAWaitHoldingNothingTheOtherNeedsIsNotReported() throws Exception {
        Object monitor = new Object();
        CountDownLatch release = new CountDownLatch(1);
        Thread busy = daemon(() -> {
            while (release.getCount() > 0) {
                Thread.onSpinWait();
            }
        });
        Thread timed = daemon(() -> {
            synchronized (monitor) {
                LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(30));
            }
        });
        Thread waiter = daemon(() -> {
            try {
                busy.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        assertTrue(eventually(() -> waiter.getState() == Thread.State.WAITING
                && timed.getState() == Thread.State.TIMED_WAITING));

        assertEquals(Optional.empty(), Deadlocks.holdsWhileWaiting(waiter, List.of(busy), LockNames.none()),
                "joining a running thread that needs nothing it holds");
        assertEquals(Optional.empty(), Deadlocks.holdsWhileWaiting(timed, List.of(busy), LockNames.none()),
                "a wait with a time limit ends by itself");

        release.countDown();
        LockSupport.unpark(timed);
        busy.join();
        waiter.join();
        timed.join();
    }

    @Test
    void anIdleWorkerOfAPoolNobodyShutDownIsIdleInALivePoolAndNotOnceItIsShutDown() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(1);
        AtomicReference<Thread> worker = new AtomicReference<>();
        pool.submit(() -> worker.set(Thread.currentThread())).get();

        assertTrue(eventually(() -> Threads.idleInLivePool(worker.get())), "waits for a task that never comes");

        pool.shutdown();
        assertFalse(Threads.idleInLivePool(worker.get()), "shutdown() interrupted it before it returned");
        assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
    }

    @Test
    void aThreadWaitingOutsideAPoolIsNotIdleInALivePool() throws Exception {
        CountDownLatch never = new CountDownLatch(1);
        Thread waiter = daemon(() -> {
            try {
                never.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        assertTrue(eventually(() -> waiter.getState() == Thread.State.WAITING));

        assertFalse(Threads.idleInLivePool(waiter));

        waiter.interrupt();
        waiter.join();
    }

    private static Thread daemon(Runnable body) {
        Thread thread = new Thread(body);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static boolean eventually(BooleanSupplier condition) {
        long end = System.nanoTime() + PATIENCE_NANOS;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - end > 0) {
                return false;
            }
            LockSupport.parkNanos(1_000_000);
        }
        return true;
    }
}
