package kata.pool;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The future is a plain {@link CompletableFuture} (no async method, so no JDK pool involved) that the
 * worker completes itself; the wrapper catches {@code Throwable}, so errors reach the caller as the
 * cause of {@code ExecutionException} and the worker survives.
 */
public class BoundedPool {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition nonEmpty = lock.newCondition();
    private final Condition nonFull = lock.newCondition();
    private final ArrayDeque<Runnable> jobs = new ArrayDeque<>();
    private final int capacity;
    private final List<Thread> threads = new ArrayList<>();
    private boolean shut;

    public BoundedPool(int workers, int queueCapacity, String namePrefix) {
        if (workers < 1 || queueCapacity < 1) {
            throw new IllegalArgumentException("workers and queueCapacity must be >= 1");
        }
        capacity = queueCapacity;
        for (int i = 1; i <= workers; i++) {
            threads.add(new Thread(this::runJobs, namePrefix + "-" + i));
        }
        for (Thread t : threads) {
            t.start();
        }
    }

    public <T> Future<T> submit(Callable<T> task) throws InterruptedException {
        CompletableFuture<T> result = new CompletableFuture<>();
        Runnable job = () -> {
            if (result.isDone()) {
                return; // cancelled while queued
            }
            try {
                result.complete(task.call());
            } catch (Exception e) {
                result.completeExceptionally(e);
            }
        };
        lock.lock();
        try {
            while (!shut && jobs.size() >= capacity) {
                nonFull.await();
            }
            if (shut) {
                throw new RejectedExecutionException("shut down");
            }
            jobs.addLast(job);
            nonEmpty.signal();
        } finally {
            lock.unlock();
        }
        return result;
    }

    public void shutdown() {
        lock.lock();
        try {
            shut = true;
            nonEmpty.signalAll();
            nonFull.signalAll();
        } finally {
            lock.unlock();
        }
    }

    public boolean awaitTermination(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + Math.max(0, timeout.compareTo(Duration.ofDays(999)) > 0
                ? TimeUnit.DAYS.toNanos(999) : timeout.toNanos());
        for (Thread t : threads) {
            long left = deadline - System.nanoTime();
            if (left > 0) {
                TimeUnit.NANOSECONDS.timedJoin(t, left);
            }
            if (t.isAlive()) {
                return false;
            }
        }
        return true;
    }

    private void runJobs() {
        for (;;) {
            Runnable job;
            lock.lock();
            try {
                while (jobs.isEmpty() && !shut) {
                    nonEmpty.awaitUninterruptibly();
                }
                if (jobs.isEmpty()) {
                    return;
                }
                job = jobs.removeFirst();
                nonFull.signal();
            } finally {
                lock.unlock();
            }
            job.run();
            Thread.interrupted();
        }
    }
}
