package kata.limit;

import java.util.concurrent.TimeUnit;

/** Wrong: checks the argument, then runs every task at once; there is no limit at all. */
public class Limiter {

    public Limiter(int permits) {
        if (permits < 1) {
            throw new IllegalArgumentException("a limiter needs at least one permit, got " + permits);
        }
    }

    public void run(Runnable task) throws InterruptedException {
        task.run();
    }

    public boolean tryRun(Runnable task, long timeout, TimeUnit unit) throws InterruptedException {
        task.run();
        return true;
    }
}
