package kata.pool;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A thread pool with a fixed number of workers and a bounded queue: one lock and three
 * conditions (work available, room available, everything finished).
 */
public class BoundedPool {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notEmpty = lock.newCondition();
    private final Condition notFull = lock.newCondition();
    private final Condition finished = lock.newCondition();
    private final ArrayDeque<Runnable> queue = new ArrayDeque<>();
    private final int capacity;
    private final Thread[] threads;
    private boolean shutdown;
    private int running; // tasks taken out of the queue and not yet done

    public BoundedPool(int workers, int queueCapacity, String namePrefix) {
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be at least 1: " + workers);
        }
        if (queueCapacity < 1) {
            throw new IllegalArgumentException("queueCapacity must be at least 1: " + queueCapacity);
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

    private boolean terminated() {
        return shutdown && queue.isEmpty() && running == 0;
    }

    private void work() {
        while (true) {
            Runnable task;
            lock.lock();
            try {
                while (queue.isEmpty() && !shutdown) {
                    notEmpty.awaitUninterruptibly();
                }
                if (queue.isEmpty()) {
                    return;
                }
                task = queue.poll();
                running++;
                notFull.signalAll();
            } finally {
                lock.unlock();
            }
            try {
                task.run();
            } finally {
                lock.lock();
                try {
                    running--;
                    if (terminated()) {
                        finished.signalAll();
                    }
                } finally {
                    lock.unlock();
                }
            }
        }
    }

    public <T> Future<T> submit(Callable<T> task) throws InterruptedException {
        Objects.requireNonNull(task, "task");
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

    public void shutdown() {
        lock.lock();
        try {
            shutdown = true;
            notEmpty.signalAll();
            notFull.signalAll();
            if (terminated()) {
                finished.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    public boolean awaitTermination(Duration timeout) throws InterruptedException {
        long nanos = timeout.toNanos();
        lock.lockInterruptibly();
        try {
            // not just "queue empty": also no task still running
            while (!terminated()) {
                if (nanos <= 0L) {
                    return false;
                }
                nanos = finished.awaitNanos(nanos);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }
}
