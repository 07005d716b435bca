package kata.pool;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Wrong: a cached pool. Every task gets a new thread at once: no bound on threads, nothing ever
 * waits.
 */
public class BoundedPool {

    private final String prefix;
    private final AtomicInteger started = new AtomicInteger();
    private final List<Thread> threads = new CopyOnWriteArrayList<>();
    private volatile boolean shutdown;

    public BoundedPool(int workers, int queueCapacity, String namePrefix) {
        if (workers < 1 || queueCapacity < 1) {
            throw new IllegalArgumentException("sizes must be at least 1");
        }
        this.prefix = Objects.requireNonNull(namePrefix, "namePrefix");
    }

    public <T> Future<T> submit(Callable<T> task) throws InterruptedException {
        if (shutdown) {
            throw new RejectedExecutionException("the pool is shut down");
        }
        FutureTask<T> future = new FutureTask<>(task);
        Thread thread = new Thread(future, prefix + "-" + started.incrementAndGet());
        threads.add(thread);
        thread.start();
        return future;
    }

    public void shutdown() {
        shutdown = true;
    }

    public boolean awaitTermination(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (Thread thread : threads) {
            TimeUnit.NANOSECONDS.timedJoin(thread, deadline - System.nanoTime());
            if (thread.isAlive()) {
                return false;
            }
        }
        return true;
    }
}
