package kata.pool;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Wrong: built on ArrayBlockingQueue.put(). It checks the shutdown flag first and then waits in
 * put(), where shutdown() cannot reach it: a submit waiting for room when the pool shuts down
 * is not rejected, and its task is accepted after shutdown.
 */
public class BoundedPool {

    private final BlockingQueue<Runnable> queue;
    private final List<Thread> workers;
    private volatile boolean shutdown;

    public BoundedPool(int workers, int queueCapacity, String namePrefix) {
        if (workers < 1 || queueCapacity < 1) {
            throw new IllegalArgumentException("sizes must be at least 1");
        }
        Objects.requireNonNull(namePrefix, "namePrefix");
        this.queue = new ArrayBlockingQueue<>(queueCapacity);
        List<Thread> threads = new ArrayList<>();
        for (int i = 1; i <= workers; i++) {
            threads.add(new Thread(this::work, namePrefix + "-" + i));
        }
        this.workers = List.copyOf(threads);
        this.workers.forEach(Thread::start);
    }

    public <T> Future<T> submit(Callable<T> task) throws InterruptedException {
        if (shutdown) {
            throw new RejectedExecutionException("the pool is shut down");
        }
        FutureTask<T> future = new FutureTask<>(task);
        queue.put(future);
        return future;
    }

    public void shutdown() {
        shutdown = true;
    }

    public boolean awaitTermination(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (Thread worker : workers) {
            TimeUnit.NANOSECONDS.timedJoin(worker, deadline - System.nanoTime());
            if (worker.isAlive()) {
                return false;
            }
        }
        return true;
    }

    private void work() {
        try {
            while (true) {
                // A timed poll so that an idle worker notices the shutdown flag.
                Runnable task = queue.poll(10, TimeUnit.MILLISECONDS);
                if (task != null) {
                    task.run();
                } else if (shutdown) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
