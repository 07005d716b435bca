package kata.pool;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Room in the queue is counted by a {@link Semaphore} with {@code queueCapacity} permits: a submitter
 * takes a permit, a worker gives it back when it takes the task out. The queue itself and the
 * workers' waiting use a lock and a condition. Shutdown releases one permit; every submitter that
 * gets a permit after shutdown gives it back and is refused, so the permit wakes the waiters one by one.
 */
public class BoundedPool {

    private final Semaphore room;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition hasWork = lock.newCondition();
    private final ArrayDeque<Runnable> queue = new ArrayDeque<>();
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean shutdown;

    public BoundedPool(int workers, int queueCapacity, String namePrefix) {
        if (workers < 1 || queueCapacity < 1) {
            throw new IllegalArgumentException("workers=" + workers + ", queueCapacity=" + queueCapacity);
        }
        room = new Semaphore(queueCapacity);
        for (int i = 1; i <= workers; i++) {
            Thread t = new Thread(this::workerLoop, namePrefix + "-" + i);
            threads.add(t);
        }
        for (Thread t : threads) {
            t.start();
        }
    }

    public <T> Future<T> submit(Callable<T> task) throws InterruptedException {
        if (shutdown) {
            throw new RejectedExecutionException("shut down");
        }
        FutureTask<T> ft = new FutureTask<>(task);
        room.acquire();
        lock.lock();
        try {
            if (shutdown) {
                room.release(); // pass the wake-up on to the next waiting submitter
                throw new RejectedExecutionException("shut down while waiting for room");
            }
            queue.addLast(ft);
            hasWork.signal();
        } finally {
            lock.unlock();
        }
        return ft;
    }

    public void shutdown() {
        lock.lock();
        try {
            if (shutdown) {
                return;
            }
            shutdown = true;
            hasWork.signalAll();
        } finally {
            lock.unlock();
        }
        room.release();
    }

    public boolean awaitTermination(Duration timeout) throws InterruptedException {
        long total;
        try {
            total = Math.max(0, timeout.toNanos());
        } catch (ArithmeticException huge) {
            total = Long.MAX_VALUE / 2;
        }
        long begin = System.nanoTime();
        for (Thread t : threads) {
            long rest = total - (System.nanoTime() - begin);
            if (rest > 0) {
                TimeUnit.NANOSECONDS.timedJoin(t, rest);
            }
            if (t.isAlive()) {
                return false;
            }
        }
        return true;
    }

    private void workerLoop() {
        for (;;) {
            Runnable r;
            lock.lock();
            try {
                while (queue.isEmpty() && !shutdown) {
                    hasWork.awaitUninterruptibly();
                }
                r = queue.pollFirst();
                if (r != null) {
                    room.release(); // the task left the queue: one more place for a submitter
                }
            } finally {
                lock.unlock();
            }
            if (r == null) {
                return;
            }
            r.run();
            Thread.interrupted();
        }
    }
}
