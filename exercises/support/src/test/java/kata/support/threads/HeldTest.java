package kata.support.threads;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * Held must say "held" only for a thread that cannot go on by itself, since checks wait for that
 * state and then treat it as final. Each test waits (bounded) for a state that must come.
 */
class HeldTest {

    private static final long PATIENCE_NANOS = TimeUnit.SECONDS.toNanos(10);

    @Test
    void aThreadInWaitIsHeld() throws InterruptedException {
        Object monitor = new Object();
        Thread waiter = daemon(() -> {
            synchronized (monitor) {
                try {
                    monitor.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });

        assertTrue(eventually(() -> Held.isHeld(waiter)), "a thread in wait() is held");

        waiter.interrupt();
        waiter.join();
    }

    @Test
    void aThreadBlockedOnAMonitorSomeoneHoldsIsHeldAndFreeOnceReleased() throws InterruptedException {
        Object monitor = new Object();
        AtomicBoolean entered = new AtomicBoolean();
        Thread blocked;
        synchronized (monitor) {
            blocked = daemon(() -> {
                synchronized (monitor) {
                    entered.set(true);
                }
            });
            assertTrue(eventually(() -> Held.waitsForAnother(blocked)), "blocked on a monitor this test holds");
        }
        blocked.join();

        assertTrue(entered.get(), "the blocked thread got the monitor once it was released");
        assertFalse(Held.isHeld(blocked), "a finished thread is not held");
    }

    @Test
    void aSpinningThreadSpinsAfterEnoughCpuTime() throws InterruptedException {
        AtomicBoolean stop = new AtomicBoolean();
        Thread spinner = daemon(() -> {
            while (!stop.get()) {
                Thread.onSpinWait();
            }
        });

        assertTrue(eventually(() -> Held.spins(spinner)), "a thread that loops for 100 ms of CPU spins");
        assertFalse(Held.waitsForAnother(spinner), "a spinning thread waits for nobody");

        stop.set(true);
        spinner.join();
    }

    @Test
    void aThreadThatIsDoneIsNotHeld() throws InterruptedException {
        Thread quick = daemon(() -> { });
        quick.join();

        assertFalse(Held.isHeld(quick));
    }

    private static Thread daemon(Runnable body) {
        Thread thread = new Thread(body, "held-test");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static boolean eventually(BooleanSupplier condition) {
        long deadline = System.nanoTime() + PATIENCE_NANOS;
        while (System.nanoTime() - deadline < 0) {
            if (condition.getAsBoolean()) {
                return true;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
        }
        return condition.getAsBoolean();
    }
}
