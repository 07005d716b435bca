package kata.pool;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Workers block in {@link BlockingQueue#take()}; the pool's own lock guards the shutdown flag, the
 * "room" condition of the submitters and each worker's idle flag. {@link #shutdown()} interrupts only
 * the workers that are idle (waiting in take), never one that is running a task, the way the JDK's
 * own pool interrupts idle workers.
 */
public class BoundedPool {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition room = lock.newCondition();
    private final BlockingQueue<FutureTask<?>> queue;
    private final int capacity;
    private final Worker[] workers;
    private boolean shutdown; // guarded by lock

    public BoundedPool(int workers, int queueCapacity, String namePrefix) {
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be at least 1, was " + workers);
        }
        if (queueCapacity < 1) {
            throw new IllegalArgumentException("queueCapacity must be at least 1, was " + queueCapacity);
        }
        this.capacity = queueCapacity;
        this.queue = new ArrayBlockingQueue<>(queueCapacity);
        this.workers = new Worker[workers];
        for (int i = 0; i < workers; i++) {
            this.workers[i] = new Worker();
            this.workers[i].thread = new Thread(this.workers[i], namePrefix + "-" + (i + 1));
        }
        for (Worker w : this.workers) {
            w.thread.start();
        }
    }

    public <T> Future<T> submit(Callable<T> task) throws InterruptedException {
        if (task == null) {
            throw new NullPointerException("task");
        }
        FutureTask<T> future = new FutureTask<>(task);
        lock.lockInterruptibly();
        try {
            // the queue only shrinks outside this lock (workers take), so the check stays true until add
            while (!shutdown && queue.size() >= capacity) {
                room.await();
            }
            if (shutdown) {
                throw new RejectedExecutionException("pool is shut down");
            }
            queue.add(future);
        } finally {
            lock.unlock();
        }
        return future;
    }

    public void shutdown() {
        lock.lock();
        try {
            if (shutdown) {
                return;
            }
            shutdown = true;
            room.signalAll();
            for (Worker w : workers) {
                if (w.idle) {
                    w.thread.interrupt();
                }
            }
        } finally {
            lock.unlock();
        }
    }

    public boolean awaitTermination(Duration timeout) throws InterruptedException {
        long total = nanosOf(timeout);
        long start = System.nanoTime();
        for (Worker w : workers) {
            while (w.thread.isAlive()) {
                long left = total - (System.nanoTime() - start);
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedJoin(w.thread, left);
            }
        }
        return true;
    }

    private static long nanosOf(Duration d) {
        if (d.isNegative()) {
            return 0;
        }
        try {
            return d.toNanos();
        } catch (ArithmeticException tooLong) {
            return Long.MAX_VALUE;
        }
    }

    private final class Worker implements Runnable {
        Thread thread;
        boolean idle; // guarded by lock

        @Override
        public void run() {
            while (true) {
                lock.lock();
                try {
                    if (shutdown && queue.isEmpty()) {
                        return;
                    }
                    idle = true;
                } finally {
                    lock.unlock();
                }
                FutureTask<?> task;
                try {
                    task = queue.take();
                } catch (InterruptedException wokenByShutdown) {
                    continue; // look at the shutdown flag and the queue again
                }
                lock.lock();
                try {
                    idle = false;
                    room.signal(); // the task taken frees exactly one place
                } finally {
                    lock.unlock();
                }
                Thread.interrupted(); // a shutdown interrupt that came just after take must not reach the task
                task.run(); // FutureTask catches every Throwable
            }
        }
    }
}
