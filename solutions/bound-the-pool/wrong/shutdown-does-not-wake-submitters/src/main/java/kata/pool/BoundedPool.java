package kata.pool;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A thread pool with a fixed number of workers and a bounded queue. One lock guards the queue and the
 * shutdown flag; workers wait on {@code notEmpty}, submitters wait on {@code notFull}.
 */
public class BoundedPool {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notEmpty = lock.newCondition();
    private final Condition notFull = lock.newCondition();
    private final ArrayDeque<Runnable> queue = new ArrayDeque<>();
    private final int capacity;
    private final List<Thread> threads;
    private boolean shutdown;

    public BoundedPool(int workers, int queueCapacity, String namePrefix) {
        if (workers < 1 || queueCapacity < 1) {
            throw new IllegalArgumentException("workers and queueCapacity must be at least 1, got "
                    + workers + " and " + queueCapacity);
        }
        this.capacity = queueCapacity;
        List<Thread> list = new ArrayList<>(workers);
        for (int i = 1; i <= workers; i++) {
            list.add(new Thread(this::workLoop, namePrefix + "-" + i));
        }
        this.threads = List.copyOf(list);
        for (Thread t : threads) {
            t.start();
        }
    }

    public <T> Future<T> submit(Callable<T> task) throws InterruptedException {
        FutureTask<T> future = new FutureTask<>(task);
        lock.lock();
        try {
            while (!shutdown && queue.size() >= capacity) {
                notFull.await();
            }
            if (shutdown) {
                throw new RejectedExecutionException("the pool is shut down");
            }
            queue.addLast(future);
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
        } finally {
            lock.unlock();
        }
    }

    public boolean awaitTermination(Duration timeout) throws InterruptedException {
        long budget = saturatedNanos(timeout);
        long start = System.nanoTime();
        for (Thread t : threads) {
            long remaining = budget - (System.nanoTime() - start);
            if (remaining > 0) {
                TimeUnit.NANOSECONDS.timedJoin(t, remaining);
            }
            if (t.isAlive()) {
                return false;
            }
        }
        return true;
    }

    private static long saturatedNanos(Duration d) {
        try {
            return d.toNanos();
        } catch (ArithmeticException tooLong) {
            return d.isNegative() ? 0L : Long.MAX_VALUE;
        }
    }

    private void workLoop() {
        while (true) {
            Runnable next;
            lock.lock();
            try {
                while (queue.isEmpty() && !shutdown) {
                    notEmpty.awaitUninterruptibly();
                }
                if (queue.isEmpty()) {
                    return; // shut down and nothing left to run
                }
                next = queue.pollFirst();
                notFull.signal();
            } finally {
                lock.unlock();
            }
            try {
                next.run(); // FutureTask records the result or whatever the task threw
            } catch (Throwable t) {
                // defensive: nothing may end this worker
            }
            Thread.interrupted(); // a task's interrupt must not leak into the next task
        }
    }
}
