package kata.limit;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Wrong: the count is right, but a waiting caller polls it every millisecond instead of blocking
 * until a permit is given back: it burns CPU and notices a freed permit late.
 */
public class Limiter {

    private final int permits;
    private final AtomicInteger running = new AtomicInteger();

    public Limiter(int permits) {
        if (permits < 1) {
            throw new IllegalArgumentException("a limiter needs at least one permit, got " + permits);
        }
        this.permits = permits;
    }

    public void run(Runnable task) throws InterruptedException {
        while (!take()) {
            Thread.sleep(1);
        }
        try {
            task.run();
        } finally {
            running.decrementAndGet();
        }
    }

    public boolean tryRun(Runnable task, long timeout, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        while (!take()) {
            if (System.nanoTime() - deadline >= 0) {
                return false;
            }
            Thread.sleep(1);
        }
        try {
            task.run();
            return true;
        } finally {
            running.decrementAndGet();
        }
    }

    private boolean take() {
        int now = running.get();
        return now < permits && running.compareAndSet(now, now + 1);
    }
}
