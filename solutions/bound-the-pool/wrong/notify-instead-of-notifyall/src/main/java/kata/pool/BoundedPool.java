package kata.pool;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Callable;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;

/**
 * Bounded pool on one private monitor: {@code wait} in {@code while} loops, {@code notifyAll} on every
 * change, because workers and submitters wait on the same monitor for different reasons.
 */
public class BoundedPool {

    private final Object monitor = new Object();
    private final Queue<Runnable> queue = new ArrayDeque<>();
    private final int capacity;
    private final Thread[] workers;
    private boolean shutdown;

    public BoundedPool(int workers, int queueCapacity, String namePrefix) {
        if (workers < 1) {
            throw new IllegalArgumentException("workers < 1: " + workers);
        }
        if (queueCapacity < 1) {
            throw new IllegalArgumentException("queueCapacity < 1: " + queueCapacity);
        }
        this.capacity = queueCapacity;
        this.workers = new Thread[workers];
        for (int i = 0; i < workers; i++) {
            this.workers[i] = new Thread(this::runWorker, namePrefix + "-" + (i + 1));
        }
        for (Thread w : this.workers) {
            w.start();
        }
    }

    public <T> Future<T> submit(Callable<T> task) throws InterruptedException {
        FutureTask<T> ft = new FutureTask<>(task);
        synchronized (monitor) {
            while (!shutdown && queue.size() >= capacity) {
                monitor.wait();
            }
            if (shutdown) {
                throw new RejectedExecutionException("shut down");
            }
            queue.add(ft);
            monitor.notify();
        }
        return ft;
    }

    public void shutdown() {
        synchronized (monitor) {
            shutdown = true;
            monitor.notifyAll();
        }
    }

    public boolean awaitTermination(Duration timeout) throws InterruptedException {
        Duration capped = timeout.compareTo(Duration.ofDays(36500)) > 0 ? Duration.ofDays(36500) : timeout;
        long deadline = System.nanoTime() + Math.max(0L, capped.toNanos());
        for (Thread w : workers) {
            while (w.isAlive()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                long ms = (left + 999_999) / 1_000_000; // round up, never 0 (join(0) waits forever)
                w.join(ms);
            }
        }
        return true;
    }

    private void runWorker() {
        while (true) {
            Runnable job;
            synchronized (monitor) {
                while (queue.isEmpty() && !shutdown) {
                    try {
                        monitor.wait();
                    } catch (InterruptedException e) {
                        // nobody interrupts workers on purpose; keep waiting for work or shutdown
                    }
                }
                job = queue.poll();
                if (job == null) {
                    return;
                }
                monitor.notify(); // room for a submitter
            }
            job.run();
            Thread.interrupted();
        }
    }
}
