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
 * A thread pool with a fixed number of workers and a bounded queue: one lock, two conditions.
 */
public class BoundedPool {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition taskWaiting = lock.newCondition();
    private final Condition roomInQueue = lock.newCondition();
    private final ArrayDeque<Runnable> queue = new ArrayDeque<>();
    private final int capacity;
    private final Thread[] threads;
    private boolean shutdown;

    public BoundedPool(int workers, int queueCapacity, String namePrefix) {
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be at least 1: " + workers);
        }
        if (queueCapacity < 1) {
            throw new IllegalArgumentException("queueCapacity must be at least 1: " + queueCapacity);
        }
        this.capacity = queueCapacity;
        Thread[] ts = new Thread[workers];
        for (int i = 0; i < workers; i++) {
            ts[i] = new Thread(this::work, namePrefix + "-" + (i + 1));
        }
        this.threads = ts;
        for (Thread t : ts) {
            t.start();
        }
    }

    private void work() {
        while (true) {
            Runnable task;
            lock.lock();
            try {
                while (queue.isEmpty() && !shutdown) {
                    try {
                        taskWaiting.await();
                    } catch (InterruptedException e) {
                        // nobody interrupts the pool's workers; the flag is cleared, keep waiting
                    }
                }
                task = queue.poll();
                if (task == null) {
                    return; // shut down and nothing left
                }
                roomInQueue.signalAll();
            } finally {
                lock.unlock();
            }
            task.run(); // FutureTask catches every Throwable into the future
        }
    }

    public <T> Future<T> submit(Callable<T> task) throws InterruptedException {
        Objects.requireNonNull(task, "task");
        FutureTask<T> future = new FutureTask<>(task);
        lock.lockInterruptibly();
        try {
            if (shutdown) {
                throw new RejectedExecutionException("pool is shut down");
            }
            while (queue.size() >= capacity) {
                if (shutdown) {
                    // shutdown() woke us while we were waiting for room
                    throw new RejectedExecutionException("pool was shut down while waiting for room");
                }
                roomInQueue.await();
            }
            queue.addLast(future);
            taskWaiting.signal();
        } finally {
            lock.unlock();
        }
        return future;
    }

    public void shutdown() {
        lock.lock();
        try {
            shutdown = true;
            taskWaiting.signalAll();
            roomInQueue.signalAll();
        } finally {
            lock.unlock();
        }
    }

    public boolean awaitTermination(Duration timeout) throws InterruptedException {
        long total;
        try {
            total = timeout.toNanos();
        } catch (ArithmeticException tooLong) {
            total = timeout.isNegative() ? 0 : Long.MAX_VALUE;
        }
        long start = System.nanoTime();
        for (Thread t : threads) {
            while (t.isAlive()) {
                long left = total - (System.nanoTime() - start);
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedJoin(t, left);
            }
        }
        return true;
    }
}
