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
 * <p>Specific notification: every submitter that has to wait gets its own condition and a place in
 * a line. A worker that takes a task hands the freed place directly to the first in line (reserves
 * it and signals exactly that thread), so no submitter is woken for nothing and nobody can jump the
 * line.
 */
public class BoundedPool {

    private static final class Waiter {
        final Condition turn;
        boolean granted; // guarded by lock

        Waiter(Condition turn) {
            this.turn = turn;
        }
    }

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition work = lock.newCondition();

    // guarded by lock
    private final ArrayDeque<Runnable> queue = new ArrayDeque<>();
    private final ArrayDeque<Waiter> line = new ArrayDeque<>();
    private int reserved; // places handed to a waiter that has not queued its task yet
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
            throw new IllegalArgumentException("workers < 1: " + workers);
        }
        if (queueCapacity < 1) {
            throw new IllegalArgumentException("queueCapacity < 1: " + queueCapacity);
        }
        this.capacity = queueCapacity;
        this.threads = new Thread[workers];
        for (int i = 0; i < workers; i++) {
            threads[i] = new Thread(this::work, namePrefix + "-" + (i + 1));
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
            if (shutdown) {
                throw new RejectedExecutionException("shut down");
            }
            if (line.isEmpty() && queue.size() + reserved < capacity) {
                enqueue(future);
                return future;
            }
            Waiter me = new Waiter(lock.newCondition());
            line.addLast(me);
            try {
                while (!me.granted && !shutdown) {
                    me.turn.await();
                }
            } catch (InterruptedException e) {
                line.remove(me);
                throw e;
            }
            if (me.granted) {
                reserved--;
            }
            if (shutdown) {
                line.remove(me);
                throw new RejectedExecutionException("shut down while waiting for room");
            }
            enqueue(future);
            return future;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Stops accepting tasks and returns at once, without waiting. Every task already accepted still
     * runs; then each worker thread ends.
     */
    public void shutdown() {
        lock.lock();
        try {
            shutdown = true;
            work.signalAll();
            for (Waiter w : line) {
                w.turn.signal();
            }
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
        try {
            nanos = timeout.isNegative() ? 0 : timeout.toNanos();
        } catch (ArithmeticException tooLong) {
            nanos = Long.MAX_VALUE;
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

    /** Lock held. */
    private void enqueue(Runnable job) {
        queue.addLast(job);
        work.signal();
    }

    private void work() {
        while (true) {
            Runnable job;
            lock.lock();
            try {
                while (queue.isEmpty() && !shutdown) {
                    work.awaitUninterruptibly();
                }
                job = queue.pollFirst();
                if (job == null) {
                    return;
                }
                Waiter first = line.pollFirst();
                if (first != null) {
                    first.granted = true; // this place is theirs
                    reserved++;
                    first.turn.signal();
                }
            } finally {
                lock.unlock();
            }
            Thread.interrupted();
            job.run();
        }
    }
}
