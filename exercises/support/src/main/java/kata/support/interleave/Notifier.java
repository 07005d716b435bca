package kata.support.interleave;

import java.util.ArrayDeque;

/**
 * Wakes an actor that waits for the baton inside a real {@code monitor.wait()}. Only a thread that
 * holds the monitor can notify it, and the actor that hands over the baton may not be able to take
 * it right now without blocking (the woken actor may already hold it again), so a thread of its own,
 * outside the schedule, does the {@code notifyAll()}. A woken actor that does not hold the baton
 * simply waits again. The thread ends when it has had nothing to do for a moment.
 */
final class Notifier {

    private static final ArrayDeque<Object> PENDING = new ArrayDeque<>();
    private static final long LINGER_NANOS = 50_000_000L;
    private static Thread thread;

    private Notifier() {
    }

    static void notifyAll(Object monitor) {
        synchronized (PENDING) {
            PENDING.add(monitor);
            if (thread == null) {
                thread = new Thread(Notifier::loop, "kata-scheduler-notifier");
                thread.setDaemon(true);
                thread.start();
            }
            PENDING.notifyAll();
        }
    }

    private static void loop() {
        while (true) {
            Object monitor;
            synchronized (PENDING) {
                long idleSince = System.nanoTime();
                while (PENDING.isEmpty()) {
                    if (System.nanoTime() - idleSince >= LINGER_NANOS) {
                        // Idle: end, so that a check leaves no thread of the scheduler's behind.
                        // Under the lock notifyAll takes, which starts a new one when needed.
                        thread = null;
                        return;
                    }
                    try {
                        PENDING.wait(LINGER_NANOS / 1_000_000L);
                    } catch (InterruptedException e) {
                        // Not ours to stop: keep serving.
                    }
                }
                monitor = PENDING.poll();
            }
            synchronized (monitor) {
                monitor.notifyAll();
            }
        }
    }
}
