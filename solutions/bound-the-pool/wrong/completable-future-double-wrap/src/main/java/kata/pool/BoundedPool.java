package kata.pool;

import java.time.Duration;
import java.util.LinkedList;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;

/**
 * Each task gets a CompletableFuture that the worker completes itself (no async executor is used).
 * Waiting is done on the pool's monitor with wait/notifyAll.
 */
public class BoundedPool {

    private final LinkedList<Runnable> jobs = new LinkedList<>();
    private final int limit;
    private final Thread[] threads;
    private boolean stopping;

    public BoundedPool(int workers, int queueCapacity, String namePrefix) {
        if (workers <= 0) {
            throw new IllegalArgumentException("need at least one worker");
        }
        if (queueCapacity <= 0) {
            throw new IllegalArgumentException("need room for at least one task");
        }
        limit = queueCapacity;
        threads = new Thread[workers];
        for (int i = 0; i < workers; i++) {
            threads[i] = new Thread(this::loop, namePrefix + "-" + (i + 1));
            threads[i].start();
        }
    }

    public <T> Future<T> submit(Callable<T> task) throws InterruptedException {
        if (task == null) {
            throw new NullPointerException();
        }
        CompletableFuture<T> result = new CompletableFuture<>();
        Runnable job = () -> {
            try {
                result.complete(task.call());
            } catch (Throwable failure) {
                // get() has to throw an ExecutionException for a failed task
                result.completeExceptionally(new ExecutionException(failure));
            }
        };
        synchronized (this) {
            while (!stopping && jobs.size() >= limit) {
                wait();
            }
            if (stopping) {
                throw new RejectedExecutionException("shut down");
            }
            jobs.addLast(job);
            notifyAll();
        }
        return result;
    }

    private void loop() {
        while (true) {
            Runnable job;
            synchronized (this) {
                while (jobs.isEmpty() && !stopping) {
                    try {
                        wait();
                    } catch (InterruptedException ignored) {
                        // workers are not interrupted by the pool
                    }
                }
                if (jobs.isEmpty()) {
                    return;
                }
                job = jobs.removeFirst();
                notifyAll();
            }
            job.run();
        }
    }

    public synchronized void shutdown() {
        stopping = true;
        notifyAll();
    }

    public boolean awaitTermination(Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        for (Thread t : threads) {
            while (t.isAlive()) {
                long left = end - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                t.join(left / 1_000_000, (int) (left % 1_000_000));
            }
        }
        return true;
    }
}
