package kata.pool;

import java.time.Duration;
import java.util.LinkedList;
import java.util.Queue;
import java.util.concurrent.Callable;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A thread pool with a fixed number of workers and a bounded queue: the seed's
 * {@code ThreadPoolExecutor(max_workers=3)}, but one that never takes on more work than it can hold.
 * When every worker is busy and the queue is full, {@link #submit} waits for room (back-pressure).
 *
 * <p>Build it yourself from threads, locks, conditions or blocking queues; the JDK's ready-made
 * executors ({@code ThreadPoolExecutor}, {@code Executors}, {@code ForkJoinPool}) are off limits.
 */
public class BoundedPool {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notEmpty = lock.newCondition();
    private final Condition notFull = lock.newCondition();
    private final Queue<Runnable> tasks = new LinkedList<>();
    private final int queueCapacity;
    private final Thread[] threads;
    private boolean isShutdown;

    /**
     * Creates the pool. It runs tasks on at most {@code workers} threads of its own, named
     * {@code <namePrefix>-1} to {@code <namePrefix>-<workers>}, keeps them for the pool's whole life
     * (one thread runs many tasks), and starts no other threads. At most {@code queueCapacity} tasks
     * wait for a worker at any time.
     *
     * @throws IllegalArgumentException if {@code workers} or {@code queueCapacity} is less than 1
     */
    public BoundedPool(int workers, int queueCapacity, String namePrefix) {
        if (workers < 1 || queueCapacity < 1) {
            throw new IllegalArgumentException("sizes must be positive");
        }
        this.queueCapacity = queueCapacity;
        this.threads = new Thread[workers];
        for (int i = 0; i < workers; i++) {
            threads[i] = new Thread(new Worker(), namePrefix + "-" + (i + 1));
            threads[i].start();
        }
    }

    /**
     * Hands a task to the pool. A worker runs it later; the returned future then holds what the task
     * returned, or the exception (or error) it threw. When {@code queueCapacity} tasks are already
     * waiting, this call waits until a worker takes one.
     *
     * @throws java.util.concurrent.RejectedExecutionException once {@link #shutdown()} has been
     *         called, also in a call that was waiting for room at that moment
     * @throws InterruptedException if the calling thread is interrupted while it waits for room
     */
    public <T> Future<T> submit(Callable<T> task) throws InterruptedException {
        FutureTask<T> future = new FutureTask<>(task);
        lock.lockInterruptibly();
        try {
            if (isShutdown) {
                throw new RejectedExecutionException("pool is shut down");
            }
            if (tasks.size() >= queueCapacity) {
                notFull.await(); // a worker signals when it takes a task
                if (isShutdown) {
                    throw new RejectedExecutionException("pool was shut down while waiting");
                }
            }
            tasks.add(future);
            notEmpty.signal();
        } finally {
            lock.unlock();
        }
        return future;
    }

    /**
     * Stops accepting tasks and returns at once, without waiting. Every task already accepted still
     * runs; then each worker thread ends.
     */
    public void shutdown() {
        lock.lock();
        try {
            isShutdown = true;
            notEmpty.signalAll();
            notFull.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits until every worker thread of the pool has ended, but no longer than {@code timeout}.
     *
     * @return true if all workers ended, false if the time ran out first
     * @throws InterruptedException if the calling thread is interrupted while it waits
     */
    public boolean awaitTermination(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (Thread t : threads) {
            long remaining = deadline - System.nanoTime();
            if (remaining > 0) {
                TimeUnit.NANOSECONDS.timedJoin(t, remaining);
            }
            if (t.isAlive()) {
                return false;
            }
        }
        return true;
    }

    private class Worker implements Runnable {
        @Override
        public void run() {
            while (true) {
                Runnable task;
                lock.lock();
                try {
                    while (tasks.isEmpty() && !isShutdown) {
                        notEmpty.awaitUninterruptibly();
                    }
                    if (tasks.isEmpty()) {
                        return;
                    }
                    task = tasks.poll();
                    notFull.signal();
                } finally {
                    lock.unlock();
                }
                task.run();
            }
        }
    }
}
