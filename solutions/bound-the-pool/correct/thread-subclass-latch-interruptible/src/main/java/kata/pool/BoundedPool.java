package kata.pool;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Workers are a {@code Thread} subclass. The tasks live in an {@link ArrayBlockingQueue}, but all
 * waiting is done on the pool's own conditions (its {@code put} could not be woken by shutdown), so
 * only {@code offer}/{@code poll} are used, under the lock. A {@link CountDownLatch} counts the
 * workers that left their loop; awaitTermination waits for it and then joins, with one deadline.
 * A submitter waits interruptibly, also for the lock itself.
 */
public class BoundedPool {

    private final ReentrantLock mainLock = new ReentrantLock();
    private final Condition taskReady = mainLock.newCondition();
    private final Condition spaceFree = mainLock.newCondition();
    private final ArrayBlockingQueue<Runnable> queue;
    private final List<Worker> crew = new ArrayList<>();
    private final CountDownLatch exited;
    private boolean stopping;

    private final class Worker extends Thread {
        Worker(String name) {
            super(name);
        }

        @Override
        public void run() {
            try {
                Runnable r;
                while ((r = nextTask()) != null) {
                    try {
                        r.run();
                    } catch (Throwable ignored) {
                        // FutureTask keeps the failure for the caller; the worker goes on
                    }
                    Thread.interrupted();
                }
            } finally {
                exited.countDown();
            }
        }
    }

    public BoundedPool(int workers, int queueCapacity, String namePrefix) {
        if (workers <= 0 || queueCapacity <= 0) {
            throw new IllegalArgumentException("workers and queueCapacity must be at least 1");
        }
        queue = new ArrayBlockingQueue<>(queueCapacity);
        exited = new CountDownLatch(workers);
        for (int n = 1; n <= workers; n++) {
            crew.add(new Worker(namePrefix + "-" + n));
        }
        for (Worker w : crew) {
            w.start();
        }
    }

    private Runnable nextTask() {
        mainLock.lock();
        try {
            while (queue.isEmpty() && !stopping) {
                taskReady.awaitUninterruptibly();
            }
            Runnable r = queue.poll(); // null only when stopping and drained
            if (r != null) {
                spaceFree.signal();
            }
            return r;
        } finally {
            mainLock.unlock();
        }
    }

    public <T> Future<T> submit(Callable<T> task) throws InterruptedException {
        FutureTask<T> ft = new FutureTask<>(task);
        mainLock.lockInterruptibly();
        try {
            while (!stopping && queue.remainingCapacity() == 0) {
                spaceFree.await();
            }
            if (stopping) {
                throw new RejectedExecutionException("pool is shutting down");
            }
            if (!queue.offer(ft)) {
                throw new IllegalStateException("queue full although checked under the lock");
            }
            taskReady.signal();
        } finally {
            mainLock.unlock();
        }
        return ft;
    }

    public void shutdown() {
        mainLock.lock();
        try {
            stopping = true;
            taskReady.signalAll();
            spaceFree.signalAll();
        } finally {
            mainLock.unlock();
        }
    }

    public boolean awaitTermination(Duration timeout) throws InterruptedException {
        long nanos;
        try {
            nanos = timeout.toNanos();
        } catch (ArithmeticException e) {
            nanos = timeout.isNegative() ? 0 : Long.MAX_VALUE;
        }
        long deadline = System.nanoTime() + nanos;
        if (!exited.await(nanos, TimeUnit.NANOSECONDS)) {
            return false;
        }
        for (Worker w : crew) {
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
}
