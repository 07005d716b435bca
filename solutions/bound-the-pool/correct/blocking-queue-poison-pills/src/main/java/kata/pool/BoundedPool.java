package kata.pool;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Workers block in {@link BlockingQueue#take()} on an unbounded queue; the bound is enforced by the
 * submitters under a lock with a "room" condition (so shutdown can wake them, which {@code put} could
 * not). Shutdown enqueues one poison pill per worker behind every accepted task, under the same lock.
 */
public class BoundedPool {

    private static final Runnable POISON = () -> { };

    private final BlockingQueue<Runnable> tasks = new LinkedBlockingQueue<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition room = lock.newCondition();
    private final int capacity;
    private final Thread[] workers;
    private int queued; // accepted tasks not yet taken by a worker (guarded by lock)
    private boolean shutdown;

    public BoundedPool(int workers, int queueCapacity, String namePrefix) {
        if (workers < 1 || queueCapacity < 1) {
            throw new IllegalArgumentException("workers and queueCapacity must be >= 1");
        }
        this.capacity = queueCapacity;
        this.workers = new Thread[workers];
        for (int i = 0; i < workers; i++) {
            this.workers[i] = new Thread(this::loop, namePrefix + "-" + (i + 1));
        }
        for (Thread w : this.workers) {
            w.start();
        }
    }

    public <T> Future<T> submit(Callable<T> task) throws InterruptedException {
        FutureTask<T> f = new FutureTask<>(task);
        lock.lock();
        try {
            while (!shutdown && queued >= capacity) {
                room.await();
            }
            if (shutdown) {
                throw new RejectedExecutionException("pool is shut down");
            }
            queued++;
            tasks.add(f);
        } finally {
            lock.unlock();
        }
        return f;
    }

    public void shutdown() {
        lock.lock();
        try {
            if (!shutdown) {
                shutdown = true;
                for (int i = 0; i < workers.length; i++) {
                    tasks.add(POISON); // behind every accepted task
                }
                room.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    public boolean awaitTermination(Duration timeout) throws InterruptedException {
        long nanos = timeout.isNegative() ? 0L
                : timeout.getSeconds() >= 100L * 365 * 24 * 3600 ? TimeUnit.DAYS.toNanos(36500) : timeout.toNanos();
        long deadline = System.nanoTime() + nanos;
        for (Thread w : workers) {
            long left = deadline - System.nanoTime();
            if (left > 0) {
                TimeUnit.NANOSECONDS.timedJoin(w, left);
            }
            if (w.isAlive()) {
                return false;
            }
        }
        return true;
    }

    private void loop() {
        while (true) {
            Runnable r;
            try {
                r = tasks.take();
            } catch (InterruptedException e) {
                continue; // nobody interrupts the workers on purpose
            }
            if (r == POISON) {
                return;
            }
            lock.lock();
            try {
                queued--;
                room.signal();
            } finally {
                lock.unlock();
            }
            r.run();
            Thread.interrupted();
        }
    }
}
