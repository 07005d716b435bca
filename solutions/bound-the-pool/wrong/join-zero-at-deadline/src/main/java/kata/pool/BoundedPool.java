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
 * Workers take tasks from a blocking queue and stop at a poison pill. The queue itself has no
 * limit; the limit is kept by a counter under a lock, so that a submitter waiting for room can be
 * woken and refused by {@link #shutdown()}.
 */
public class BoundedPool {

    private static final FutureTask<Void> POISON = new FutureTask<>(() -> null);

    private final BlockingQueue<FutureTask<?>> queue = new LinkedBlockingQueue<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition roomFreed = lock.newCondition();
    private final int capacity;
    private final Thread[] workers;
    private int waitingTasks;
    private boolean shutdown;

    public BoundedPool(int workers, int queueCapacity, String namePrefix) {
        if (workers < 1 || queueCapacity < 1) {
            throw new IllegalArgumentException("workers and queueCapacity must be positive");
        }
        this.capacity = queueCapacity;
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
            while (!shutdown && waitingTasks >= capacity) {
                roomFreed.await();
            }
            if (shutdown) {
                throw new RejectedExecutionException("pool is shut down");
            }
            waitingTasks++;
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
            roomFreed.signalAll();
            for (int i = 0; i < workers.length; i++) {
                queue.add(POISON);
            }
        } finally {
            lock.unlock();
        }
    }

    public boolean awaitTermination(Duration timeout) throws InterruptedException {
        long budget = TimeUnit.NANOSECONDS.convert(timeout);
        long start = System.nanoTime();
        for (Thread w : workers) {
            // One deadline for all workers; never pass a negative time to join().
            long left = Math.max(0L, budget - (System.nanoTime() - start));
            w.join(left / 1_000_000L, (int) (left % 1_000_000L));
            if (w.isAlive()) {
                return false;
            }
        }
        return true;
    }

    private void work() {
        while (true) {
            FutureTask<?> next;
            try {
                next = queue.take();
            } catch (InterruptedException e) {
                continue;                  // only pills stop a worker
            }
            if (next == POISON) {
                return;
            }
            lock.lock();
            try {
                waitingTasks--;
                roomFreed.signal();
            } finally {
                lock.unlock();
            }
            Thread.interrupted();
            next.run();
        }
    }
}
