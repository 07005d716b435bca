package kata.pool;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Objects;
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
 * <p>Submitters are served in the order they arrive, like customers taking a numbered ticket: a
 * freed place goes to the submitter with the lowest ticket still waiting, never to one that just
 * arrived. So nobody starves when many threads compete for room.
 */
public class BoundedPool {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition taskAvailable = lock.newCondition();
    private final Condition turnOrRoom = lock.newCondition();

    // guarded by lock
    private final ArrayDeque<Runnable> queue = new ArrayDeque<>();
    private long nextTicket;
    private long nowServing;
    private boolean shutdown;

    private final int capacity;
    private final Thread[] threads;

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
            throw new IllegalArgumentException("at least one worker needed");
        }
        if (queueCapacity < 1) {
            throw new IllegalArgumentException("the queue needs at least one place");
        }
        this.capacity = queueCapacity;
        this.threads = new Thread[workers];
        for (int i = 0; i < workers; i++) {
            threads[i] = new Thread(this::workerLoop, namePrefix + "-" + (i + 1));
        }
        for (Thread t : threads) {
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
    public <T> Future<T> submit(Callable<T> task) throws InterruptedException {
        Objects.requireNonNull(task, "task");
        FutureTask<T> future = new FutureTask<>(task);
        lock.lockInterruptibly();
        try {
            long myTicket = nextTicket++;
            try {
                while (!shutdown && (myTicket != nowServing || queue.size() >= capacity)) {
                    turnOrRoom.await();
                }
            } catch (InterruptedException e) {
                if (myTicket == nowServing) {
                    // it was my turn: hand it on to the next ticket
                    nowServing++;
                    turnOrRoom.signalAll();
                }
                throw e;
            }
            if (shutdown) {
                throw new RejectedExecutionException("the pool is shut down");
            }
            nowServing++;
            queue.addLast(future);
            taskAvailable.signal();
            turnOrRoom.signalAll(); // the next ticket may find room as well
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
            shutdown = true;
            taskAvailable.signalAll();
            turnOrRoom.signalAll();
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
        long nanos;
        if (timeout.isNegative()) {
            nanos = 0;
        } else {
            try {
                nanos = timeout.toNanos();
            } catch (ArithmeticException tooLong) {
                nanos = Long.MAX_VALUE;
            }
        }
        long deadline = System.nanoTime() + nanos;
        for (Thread t : threads) {
            while (t.isAlive()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedJoin(t, left);
            }
        }
        return true;
    }

    private void workerLoop() {
        while (true) {
            Runnable job;
            lock.lock();
            try {
                while (queue.isEmpty() && !shutdown) {
                    taskAvailable.awaitUninterruptibly();
                }
                job = queue.pollFirst();
                if (job == null) {
                    return;
                }
                turnOrRoom.signalAll();
            } finally {
                lock.unlock();
            }
            Thread.interrupted();
            job.run();
        }
    }
}
