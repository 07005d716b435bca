package kata.pool;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.Callable;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

public class BoundedPool {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notEmpty = lock.newCondition();
    private final Condition notFull = lock.newCondition();
    private final ArrayDeque<Runnable> queue = new ArrayDeque<>();
    private final int capacity;
    private final Thread[] threads;
    private boolean shutdown;

    public BoundedPool(int workers, int queueCapacity, String namePrefix) {
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be >= 1, was " + workers);
        }
        this.threads = new Thread[workers];
        for (int i = 0; i < workers; i++) {
            threads[i] = new Thread(this::workerLoop, namePrefix + "-" + (i + 1));
        }
        for (Thread t : threads) {
            t.start();
        }
        if (queueCapacity < 1) {
            throw new IllegalArgumentException("queueCapacity must be >= 1, was " + queueCapacity);
        }
        this.capacity = queueCapacity;
    }

    public <T> Future<T> submit(Callable<T> task) throws InterruptedException {
        if (task == null) {
            throw new NullPointerException("task");
        }
        FutureTask<T> future = new FutureTask<>(task);
        lock.lockInterruptibly();
        try {
            while (!shutdown && queue.size() >= capacity) {
                notFull.await();
            }
            if (shutdown) {
                throw new RejectedExecutionException("pool is shut down");
            }
            queue.addLast(future);
            notEmpty.signal();
        } finally {
            lock.unlock();
        }
        return future;
    }

    private void workerLoop() {
        while (true) {
            Runnable next;
            lock.lock();
            try {
                while (queue.isEmpty() && !shutdown) {
                    notEmpty.awaitUninterruptibly();
                }
                if (queue.isEmpty()) {
                    return;
                }
                next = queue.pollFirst();
                notFull.signal();
            } finally {
                lock.unlock();
            }
            next.run(); // FutureTask records the result or whatever was thrown
        }
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
        long deadline = System.nanoTime() + timeout.toNanos();
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
}
