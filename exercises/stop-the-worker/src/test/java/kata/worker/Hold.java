package kata.worker;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Where a check holds the worker thread (in its chore's begin() or end()) until it lets it go.
 * Unlike {@link kata.support.threads.Gate}, holding ignores interrupts and keeps them for the
 * worker: a worker stopped with {@code interrupt()} is interrupted while it is held, and must
 * still see that interrupt afterwards.
 */
final class Hold {

    private static final Duration LONGEST = Duration.ofMinutes(1);

    private final CountDownLatch opened = new CountDownLatch(1);
    private final Set<Thread> held = ConcurrentHashMap.newKeySet();

    /** Called by the worker: waits until the check lets it go (a minute at most). */
    void pass() {
        Thread self = Thread.currentThread();
        held.add(self);
        boolean interrupted = false;
        long end = System.nanoTime() + LONGEST.toNanos();
        try {
            while (true) {
                try {
                    if (!opened.await(end - System.nanoTime(), TimeUnit.NANOSECONDS)) {
                        throw new IllegalStateException("the check never let the worker go");
                    }
                    return;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            held.remove(self);
            if (interrupted) {
                self.interrupt();
            }
        }
    }

    /** Lets the held thread, and any later one, go. */
    void open() {
        opened.countDown();
    }

    /** True while a thread is held here. */
    boolean isHeld() {
        return !held.isEmpty();
    }
}
