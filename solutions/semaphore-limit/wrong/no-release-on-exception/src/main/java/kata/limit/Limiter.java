package kata.limit;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/** Wrong: gives the permit back only when the task returns normally. */
public class Limiter {

    private final Semaphore permits;

    public Limiter(int permits) {
        if (permits < 1) {
            throw new IllegalArgumentException("a limiter needs at least one permit, got " + permits);
        }
        this.permits = new Semaphore(permits);
    }

    public void run(Runnable task) throws InterruptedException {
        permits.acquire();
        task.run();
        permits.release();
    }

    public boolean tryRun(Runnable task, long timeout, TimeUnit unit) throws InterruptedException {
        if (!permits.tryAcquire(timeout, unit)) {
            return false;
        }
        task.run();
        permits.release();
        return true;
    }
}
