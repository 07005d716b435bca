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
 * Workers take tasks from an {@link ArrayBlockingQueue} of {@code queueCapacity} places and end at
 * a poison pill. Submitters do not block in {@code put} (shutdown could not reach them there):
 * they {@code offer} under a lock and wait on a condition that the workers signal after each take
 * and that {@link #shutdown()} signals too.
 */
public class BoundedPool {

    private static final FutureTask<Void> POISON = new FutureTask<>(() -> null);

    private final BlockingQueue<Runnable> queue;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition placeFreed = lock.newCondition();
    private final Thread[] workers;
    private final String namePrefix;
    private boolean shutdown;

    public BoundedPool(int workers, int queueCapacity, String namePrefix) {
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be at least 1: " + workers);
        }
        if (queueCapacity < 1) {
            throw new IllegalArgumentException("queueCapacity must be at least 1: " + queueCapacity);
        }
        this.queue = new ArrayBlockingQueue<>(queueCapacity);
        this.namePrefix = namePrefix;
        this.workers = new Thread[workers];
        for (int i = 0; i < workers; i++) {
            this.workers[i] = new Thread(this::work, namePrefix + "-" + (i + 1));
        }
        for (Thread w : this.workers) {
            w.start();
        }
    }

    public <T> Future<T> submit(Callable<T> task) throws InterruptedException {
        if (task == null) {
            throw new NullPointerException("task");
        }
        FutureTask<T> future = new FutureTask<>(task);
        lock.lockInterruptibly();
        try {
            while (true) {
                if (shutdown) {
                    throw new RejectedExecutionException("pool is shut down");
                }
                if (queue.offer(future)) {
                    return future;
                }
                placeFreed.await();
            }
        } finally {
            lock.unlock();
        }
    }

    public void shutdown() {
        lock.lock();
        try {
            if (shutdown) {
                return;
            }
            shutdown = true;
            placeFreed.signalAll();
        } finally {
            lock.unlock();
        }
        // One pill per worker, behind every accepted task. Pills that fit go in now (so idle
        // workers wake at once); if the queue is full, shutdown() must still return at once, so
        // the remaining pills are delivered as the workers free places.
        int delivered = 0;
        while (delivered < workers.length && queue.offer(POISON)) {
            delivered++;
        }
        int missing = workers.length - delivered;
        if (missing > 0) {
            Thread courier = new Thread(() -> {
                for (int i = 0; i < missing; i++) {
                    try {
                        queue.put(POISON);
                    } catch (InterruptedException e) {
                        i--;               // a pill must not be lost, or a worker never ends
                    }
                }
            }, namePrefix + "-shutdown");
            courier.start();
        }
    }

    public boolean awaitTermination(Duration timeout) throws InterruptedException {
        long budget = TimeUnit.NANOSECONDS.convert(timeout);
        long start = System.nanoTime();
        for (Thread w : workers) {
            while (w.isAlive()) {
                long left = budget - (System.nanoTime() - start);
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedJoin(w, left);
            }
        }
        return true;
    }

    private void work() {
        while (true) {
            Runnable next;
            try {
                next = queue.take();
            } catch (InterruptedException e) {
                continue;
            }
            if (next == POISON) {
                return;
            }
            lock.lock();
            try {
                placeFreed.signal();
            } finally {
                lock.unlock();
            }
            Thread.interrupted();
            next.run();
        }
    }
}
