package kata.pool;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
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
 * <p>One lock and two conditions: workers wait for "work", submitters for "room". Each added task
 * signals one worker and each taken task one submitter; shutdown signals everybody.
 */
public class BoundedPool {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition work = lock.newCondition();
    private final Condition room = lock.newCondition();
    private final ArrayDeque<Runnable> waiting = new ArrayDeque<>(); // guarded by lock
    private boolean closed; // guarded by lock

    private final int capacity;
    private final List<Thread> workers = new CopyOnWriteArrayList<>();

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
            throw new IllegalArgumentException("workers and queueCapacity must be positive");
        }
        this.capacity = queueCapacity;
        for (int i = 1; i <= workers; i++) {
            this.workers.add(new Thread(this::loop, namePrefix + "-" + i));
        }
        this.workers.forEach(Thread::start);
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
            while (!closed && waiting.size() >= capacity) {
                room.await();
            }
            if (closed) {
                throw new RejectedExecutionException("closed");
            }
            waiting.addLast(future);
            work.signal();
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
            closed = true;
            work.signalAll();
            room.signalAll();
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
        long budget;
        try {
            budget = timeout.isNegative() ? 0 : timeout.toNanos();
        } catch (ArithmeticException tooLong) {
            budget = Long.MAX_VALUE;
        }
        long deadline = System.nanoTime() + budget;
        for (Thread w : workers) {
            while (w.isAlive()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                try {
                    TimeUnit.NANOSECONDS.timedJoin(w, left);
                } catch (InterruptedException e) {
                    // asked to stop waiting: keep the interrupt for the caller and report "not yet"
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
        return true;
    }

    private void loop() {
        while (true) {
            Runnable next;
            lock.lock();
            try {
                while (waiting.isEmpty() && !closed) {
                    work.awaitUninterruptibly();
                }
                if (waiting.isEmpty()) {
                    return;
                }
                next = waiting.pollFirst();
                room.signal();
            } finally {
                lock.unlock();
            }
            Thread.interrupted();
            next.run();
        }
    }
}
