package kata.pool;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Callable;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;

/**
 * Synchronized methods on the pool itself; {@code notifyAll} on each change. awaitTermination waits
 * on the same monitor for the count of live workers to reach zero, with a deadline computed once and
 * a remaining wait that is rounded up so it never becomes {@code wait(0)} (which would mean forever),
 * then joins the threads with what is left.
 */
public class BoundedPool {

    private final Deque<Runnable> work = new ArrayDeque<>();
    private final int maxQueued;
    private final Thread[] pool;
    private int alive;
    private boolean down;

    public BoundedPool(int workers, int queueCapacity, String namePrefix) {
        if (workers < 1 || queueCapacity < 1) {
            throw new IllegalArgumentException("bad sizes");
        }
        maxQueued = queueCapacity;
        pool = new Thread[workers];
        alive = workers;
        for (int i = 0; i < workers; i++) {
            pool[i] = new Thread(this::serve, namePrefix + "-" + (i + 1));
        }
        for (Thread t : pool) {
            t.start();
        }
    }

    public synchronized <T> Future<T> submit(Callable<T> task) throws InterruptedException {
        while (!down && work.size() >= maxQueued) {
            wait();
        }
        if (down) {
            throw new RejectedExecutionException("pool shut down");
        }
        FutureTask<T> f = new FutureTask<>(task);
        work.addLast(f);
        notifyAll();
        return f;
    }

    public synchronized void shutdown() {
        down = true;
        notifyAll();
    }

    public boolean awaitTermination(Duration timeout) throws InterruptedException {
        long nanos = timeout.isNegative() ? 0
                : timeout.compareTo(Duration.ofDays(3650)) > 0 ? Duration.ofDays(3650).toNanos() : timeout.toNanos();
        long deadline = System.nanoTime() + nanos;
        synchronized (this) {
            while (alive > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                wait((left + 999_999) / 1_000_000);
            }
        }
        for (Thread t : pool) {
            long left = deadline - System.nanoTime();
            if (left > 0) {
                t.join((left + 999_999) / 1_000_000);
            }
            if (t.isAlive()) {
                return false;
            }
        }
        return true;
    }

    private synchronized Runnable take() {
        while (work.isEmpty() && !down) {
            try {
                wait();
            } catch (InterruptedException e) {
                // not used to stop workers: shutdown() does that
            }
        }
        Runnable r = work.pollFirst();
        if (r != null) {
            notifyAll(); // room for a submitter
        }
        return r;
    }

    private synchronized void leave() {
        alive--;
        notifyAll();
    }

    private void serve() {
        try {
            for (Runnable r = take(); r != null; r = take()) {
                r.run();
                Thread.interrupted();
            }
        } finally {
            leave();
        }
    }
}
