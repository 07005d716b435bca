package kata.support.threads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** Runs with the kata agent (failsafe's argLine), which installs the thread hooks StartHold uses. */
class StartHoldIT {

    @Test
    void aThreadStartedByTheStarterRunsNoneOfItsCodeUntilTheHoldOpens() throws Exception {
        AtomicBoolean ran = new AtomicBoolean();
        Thread worker = new Thread(() -> ran.set(true), "worker");
        Thread starter = new Thread(worker::start, "starter");
        try (StartHold hold = StartHold.threadsStartedBy(starter)) {
            starter.start();
            starter.join();
            // Counted from start() on, whether or not the new thread has been scheduled yet.
            assertEquals(1, hold.holding());
            assertFalse(ran.get());
            assertTrue(worker.isAlive());

            hold.open();
            worker.join();
            assertTrue(ran.get());
            assertEquals(0, hold.holding());
        }
    }

    @Test
    void threadsStartedByOtherThreadsAreNotHeld() throws Exception {
        AtomicBoolean ran = new AtomicBoolean();
        Thread other = new Thread(() -> ran.set(true), "other");
        try (StartHold hold = StartHold.threadsStartedBy(new Thread(() -> { }, "starter"))) {
            other.start();
            other.join();
            assertTrue(ran.get());
        }
    }

    @Test
    void anInterruptThatReachesAHeldThreadIsKeptForIt() throws Exception {
        AtomicBoolean sawInterrupt = new AtomicBoolean();
        Thread worker = new Thread(() -> sawInterrupt.set(Thread.currentThread().isInterrupted()), "worker");
        Thread starter = new Thread(worker::start, "starter");
        try (StartHold hold = StartHold.threadsStartedBy(starter)) {
            starter.start();
            starter.join();
            assertEquals(1, hold.holding());
            worker.interrupt();
            hold.open();
            worker.join();
        }
        assertTrue(sawInterrupt.get());
    }

    @Test
    void aSecondHoldAtTheSameTimeIsRefused() {
        try (StartHold first = StartHold.threadsStartedBy(Thread.currentThread())) {
            assertThrows(IllegalStateException.class, () -> StartHold.threadsStartedBy(Thread.currentThread()));
        }
    }
}
