package kata.pool;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;

/** The pool is a thin layer over a closable bounded channel of runnables. */
public class BoundedPool {

    private final TaskChannel<Runnable> channel;
    private final List<Thread> threads;

    public BoundedPool(int workers, int queueCapacity, String namePrefix) {
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be at least 1, was " + workers);
        }
        this.channel = new TaskChannel<>(queueCapacity); // checks queueCapacity before any thread exists
        List<Thread> list = new ArrayList<>(workers);
        for (int i = 1; i <= workers; i++) {
            list.add(new Thread(this::drain, namePrefix + "-" + i));
        }
        this.threads = Collections.unmodifiableList(list);
        for (Thread t : threads) {
            t.start();
        }
    }

    private void drain() {
        for (Runnable r = channel.receive(); r != null; r = channel.receive()) {
            Thread.interrupted(); // never hand a stale interrupt to the next task
            r.run();
        }
    }

    public <T> Future<T> submit(Callable<T> task) throws InterruptedException {
        if (task == null) {
            throw new NullPointerException("task");
        }
        FutureTask<T> future = new FutureTask<>(task);
        channel.send(future);
        return future;
    }

    public void shutdown() {
        channel.close();
    }

    public boolean awaitTermination(Duration timeout) throws InterruptedException {
        long budget;
        try {
            budget = timeout.isNegative() ? 0L : timeout.toNanos();
        } catch (ArithmeticException tooLong) {
            budget = Long.MAX_VALUE;
        }
        long began = System.nanoTime();
        for (Thread t : threads) {
            while (t.isAlive()) {
                long left = budget - (System.nanoTime() - began);
                if (left <= 0) {
                    return false;
                }
                long millis = TimeUnit.NANOSECONDS.toMillis(left);
                if (left % 1_000_000L != 0) {
                    millis++; // round up: join(0) would mean "forever"
                }
                t.join(millis);
            }
        }
        return true;
    }
}
