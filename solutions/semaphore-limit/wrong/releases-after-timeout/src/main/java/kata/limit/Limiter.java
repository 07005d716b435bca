package kata.limit;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/** Wrong: tryRun() gives a permit back in finally even when it timed out without one. */
public class Limiter {

    private final Semaphore permits;

    public Limiter(int permits) {
        if (permits < 1) {
            throw new IllegalArgumentException("a limiter needs at least one permit, got " + permits);
        }
        this.permits = new Semaphore(permits);
    }

    public void run(Runnable task) throws InterruptedException {
        // Before the try: if the wait is interrupted, no permit was taken, so none may be given back.
        permits.acquire();
        try {
            task.run();
        } finally {
            permits.release();
        }
    }

    public boolean tryRun(Runnable task, long timeout, TimeUnit unit) throws InterruptedException {
        boolean acquired = false;
        try {
            acquired = permits.tryAcquire(timeout, unit);
            if (acquired) {
                task.run();
            }
            return acquired;
        } finally {
            permits.release();
        }
    }
}
