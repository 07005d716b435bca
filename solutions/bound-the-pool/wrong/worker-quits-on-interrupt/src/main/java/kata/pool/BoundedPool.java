package kata.pool;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Callable;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Fixed workers, bounded queue: one lock, two conditions ("a task is waiting" for the workers,
 * "there is room" for the submitters).
 */
public class BoundedPool {

    private final Lock lock = new ReentrantLock();
    private final Condition notEmpty = lock.newCondition();
    private final Condition notFull = lock.newCondition();
    private final Deque<Runnable> tasks = new ArrayDeque<>();
    private final int queueCapacity;
    private final Thread[] workers;
    private boolean shutdown;

    public BoundedPool(int workers, int queueCapacity, String namePrefix) {
        if (workers < 1 || queueCapacity < 1) {
            throw new IllegalArgumentException("sizes must be >= 1: workers=" + workers
                    + ", queueCapacity=" + queueCapacity);
        }
        this.queueCapacity = queueCapacity;
        this.workers = new Thread[workers];
        for (int i = 0; i < workers; i++) {
            this.workers[i] = new Thread(this::runWorker, namePrefix + "-" + (i + 1));
        }
        for (Thread t : this.workers) {
            t.start();
        }
    }

    public <T> Future<T> submit(Callable<T> task) throws InterruptedException {
        if (task == null) {
            throw new NullPointerException();
        }
        FutureTask<T> future = new FutureTask<>(task);
        lock.lockInterruptibly();
        try {
            while (!shutdown && tasks.size() == queueCapacity) {
                notFull.await();
            }
            if (shutdown) {
                throw new RejectedExecutionException("pool is shut down");
            }
            tasks.addLast(future);
            notEmpty.signal();
        } finally {
            lock.unlock();
        }
        return future;
    }

    public void shutdown() {
        lock.lock();
        try {
            shutdown = true;
            notEmpty.signalAll();
            notFull.signalAll();
        } finally {
            lock.unlock();
        }
    }

    public boolean awaitTermination(Duration timeout) throws InterruptedException {
        final long budget = TimeUnit.NANOSECONDS.convert(timeout);
        final long start = System.nanoTime();
        for (Thread t : workers) {
            long left;
            while (t.isAlive() && (left = budget - (System.nanoTime() - start)) > 0) {
                TimeUnit.NANOSECONDS.timedJoin(t, left);
            }
            if (t.isAlive()) {
                return false;
            }
        }
        return true;
    }

    /** Next task to run, or null once the pool is shut down and the queue is drained. */
    private Runnable take() throws InterruptedException {
        lock.lockInterruptibly();
        try {
            while (tasks.isEmpty() && !shutdown) {
                notEmpty.await();
            }
            Runnable next = tasks.pollFirst();
            if (next != null) {
                notFull.signal();
            }
            return next;
        } finally {
            lock.unlock();
        }
    }

    private void runWorker() {
        try {
            Runnable next;
            while ((next = take()) != null) {
                next.run();              // FutureTask keeps the task's exception or error
            }
        } catch (InterruptedException e) {
            // Interrupted while waiting for work: the thread is being stopped, so just end.
            Thread.currentThread().interrupt();
        }
    }
}
