package kata.limit;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Wrong: the semaphore is static, so every limiter shares one, and each new limiter replaces the
 * permits of all the others.
 */
public class Limiter {

    private static Semaphore permits;

    public Limiter(int permits) {
        if (permits < 1) {
            throw new IllegalArgumentException("a limiter needs at least one permit, got " + permits);
        }
        Limiter.permits = new Semaphore(permits);
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
