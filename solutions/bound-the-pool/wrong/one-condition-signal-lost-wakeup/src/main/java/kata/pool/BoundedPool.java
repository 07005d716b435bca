package kata.pool;

import java.time.Duration;
import java.util.LinkedList;
import java.util.concurrent.Callable;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Bounded pool with a single {@link Condition} "the state changed". Since workers and submitters
 * share it, every change uses {@code signalAll} and every waiter re-checks its own predicate.
 */
public class BoundedPool {

    private final Lock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final LinkedList<FutureTask<?>> pending = new LinkedList<>();
    private final int queueCapacity;
    private final Thread[] threads;
    private boolean closed;

    public BoundedPool(int workers, int queueCapacity, String namePrefix) {
        if (workers < 1 || queueCapacity < 1) {
            throw new IllegalArgumentException("sizes must be >= 1");
        }
        this.queueCapacity = queueCapacity;
        this.threads = new Thread[workers];
        for (int i = 0; i < workers; i++) {
            threads[i] = new Thread(new Worker(), namePrefix + "-" + (i + 1));
            threads[i].start();
        }
    }

    public <T> Future<T> submit(Callable<T> task) throws InterruptedException {
        FutureTask<T> f = new FutureTask<>(task);
        lock.lock();
        try {
            for (;;) {
                if (closed) {
                    throw new RejectedExecutionException("pool closed");
                }
                if (pending.size() < queueCapacity) {
                    break;
                }
                changed.await();
            }
            pending.addLast(f);
            changed.signal();
        } finally {
            lock.unlock();
        }
        return f;
    }

    public void shutdown() {
        lock.lock();
        try {
            closed = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    public boolean awaitTermination(Duration timeout) throws InterruptedException {
        final long deadline = System.nanoTime() + clamp(timeout);
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

    private static long clamp(Duration d) {
        if (d.isNegative()) {
            return 0;
        }
        // cap at ~100 years so deadline arithmetic cannot overflow
        return d.compareTo(Duration.ofDays(36500)) > 0 ? Duration.ofDays(36500).toNanos() : d.toNanos();
    }

    private final class Worker implements Runnable {
        @Override
        public void run() {
            for (;;) {
                FutureTask<?> f;
                lock.lock();
                try {
                    while (pending.isEmpty() && !closed) {
                        changed.awaitUninterruptibly();
                    }
                    if (pending.isEmpty()) {
                        return;
                    }
                    f = pending.removeFirst();
                    changed.signal();
                } finally {
                    lock.unlock();
                }
                f.run();
                Thread.interrupted();
            }
        }
    }
}
