package kata.limit;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/** Wrong: one permit fewer than asked for (an off-by-one). */
public class Limiter {

    private final Semaphore permits;

    public Limiter(int permits) {
        if (permits < 1) {
            throw new IllegalArgumentException("a limiter needs at least one permit, got " + permits);
        }
        this.permits = new Semaphore(permits - 1);
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
        if (!permits.tryAcquire(timeout, unit)) {
            return false;
        }
        try {
            task.run();
            return true;
        } finally {
            permits.release();
        }
    }
}
