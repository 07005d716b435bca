package kata.pool;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;

/**
 * A thread pool with a fixed number of workers and a bounded queue: the seed's
 * {@code ThreadPoolExecutor(max_workers=3)}, but one that never takes on more work than it can hold.
 * When every worker is busy and the queue is full, {@link #submit} waits for room (back-pressure).
 *
 * <p>Build it yourself from threads, locks, conditions or blocking queues; the JDK's ready-made
 * executors ({@code ThreadPoolExecutor}, {@code Executors}, {@code ForkJoinPool}) are off limits.
 */
public class BoundedPool {

    private final Deque<FutureTask<?>> queue = new ArrayDeque<>();
    private final List<Thread> workerThreads = new ArrayList<>();
    private final int capacity;
    /** Read inside synchronized blocks; volatile so shutdown() can set it without taking the lock. */
    private volatile boolean stopped;

    /**
     * Creates the pool. It runs tasks on at most {@code workers} threads of its own, named
     * {@code <namePrefix>-1} to {@code <namePrefix>-<workers>}, keeps them for the pool's whole life
     * (one thread runs many tasks), and starts no other threads. At most {@code queueCapacity} tasks
     * wait for a worker at any time.
     *
     * @throws IllegalArgumentException if {@code workers} or {@code queueCapacity} is less than 1
     */
    public BoundedPool(int workers, int queueCapacity, String namePrefix) {
        if (workers < 1) {
            throw new IllegalArgumentException("workers: " + workers);
        }
        if (queueCapacity < 1) {
            throw new IllegalArgumentException("queueCapacity: " + queueCapacity);
        }
        this.capacity = queueCapacity;
        for (int i = 1; i <= workers; i++) {
            workerThreads.add(new Thread(this::workerLoop, namePrefix + "-" + i));
        }
        for (Thread t : workerThreads) {
            t.start();
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
    public synchronized <T> Future<T> submit(Callable<T> task) throws InterruptedException {
        while (!stopped && queue.size() >= capacity) {
            wait();
        }
        if (stopped) {
            throw new RejectedExecutionException("pool is shut down");
        }
        FutureTask<T> future = new FutureTask<>(task);
        queue.addLast(future);
        notifyAll();
        return future;
    }

    /**
     * Stops accepting tasks and returns at once, without waiting. Every task already accepted still
     * runs; then each worker thread ends.
     */
    public void shutdown() {
        synchronized (this) {
            notifyAll(); // wake idle workers and blocked submitters so they re-check the flag
        }
        stopped = true; // volatile write: visible to every thread right away
    }

    /**
     * Waits until every worker thread of the pool has ended, but no longer than {@code timeout}.
     *
     * @return true if all workers ended, false if the time ran out first
     * @throws InterruptedException if the calling thread is interrupted while it waits
     */
    public boolean awaitTermination(Duration timeout) throws InterruptedException {
        final long end = System.nanoTime() + timeout.toNanos();
        for (Thread t : workerThreads) {
            while (t.isAlive()) {
                long nanosLeft = end - System.nanoTime();
                if (nanosLeft <= 0) {
                    return false;
                }
                t.join(nanosLeft / 1_000_000, (int) (nanosLeft % 1_000_000));
            }
        }
        return true;
    }

    private void workerLoop() {
        while (true) {
            FutureTask<?> next;
            synchronized (this) {
                while (queue.isEmpty() && !stopped) {
                    try {
                        wait();
                    } catch (InterruptedException e) {
                        // ignore, check again
                    }
                }
                if (queue.isEmpty()) {
                    return;
                }
                next = queue.removeFirst();
                notifyAll();
            }
            next.run();
        }
    }
}
