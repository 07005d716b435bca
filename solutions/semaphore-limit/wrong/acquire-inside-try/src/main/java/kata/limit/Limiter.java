package kata.limit;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/** Wrong: acquires inside the try, so an interrupted wait still releases a permit it never got. */
public class Limiter {

    private final Semaphore permits;

    public Limiter(int permits) {
        if (permits < 1) {
            throw new IllegalArgumentException("a limiter needs at least one permit, got " + permits);
        }
        this.permits = new Semaphore(permits);
    }

    public void run(Runnable task) throws InterruptedException {
        try {
            permits.acquire();
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
