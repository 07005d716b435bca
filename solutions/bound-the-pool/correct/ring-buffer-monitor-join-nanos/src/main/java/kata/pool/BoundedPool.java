package kata.pool;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;

/**
 * A hand-made circular buffer of tasks guarded by a private monitor object (not {@code this}, so no
 * caller can take the pool's lock). Every change of state is followed by {@code notifyAll()}, and every
 * wait sits in a loop that re-checks its own condition, so workers and submitters may share one wait set.
 */
public class BoundedPool {

    private final Object monitor = new Object();
    private final Runnable[] ring;
    private int head;      // guarded by monitor: index of the oldest task
    private int count;     // guarded by monitor: tasks waiting in the ring
    private boolean closed; // guarded by monitor
    private final Thread[] threads;

    public BoundedPool(int workers, int queueCapacity, String namePrefix) {
        if (workers < 1 || queueCapacity < 1) {
            throw new IllegalArgumentException(
                    "workers and queueCapacity must be at least 1, were " + workers + " and " + queueCapacity);
        }
        ring = new Runnable[queueCapacity];
        threads = new Thread[workers];
        for (int i = 0; i < workers; i++) {
            threads[i] = new Thread(this::workLoop, namePrefix + "-" + (i + 1));
        }
        for (Thread t : threads) {
            t.start();
        }
    }

    public <T> Future<T> submit(Callable<T> task) throws InterruptedException {
        if (task == null) {
            throw new NullPointerException("task");
        }
        FutureTask<T> future = new FutureTask<>(task);
        synchronized (monitor) {
            while (!closed && count == ring.length) {
                monitor.wait();
            }
            if (closed) {
                throw new RejectedExecutionException("pool is shut down");
            }
            ring[(head + count) % ring.length] = future;
            count++;
            monitor.notifyAll();
        }
        return future;
    }

    private Runnable next() {
        synchronized (monitor) {
            while (count == 0 && !closed) {
                try {
                    monitor.wait();
                } catch (InterruptedException ignored) {
                    // nobody interrupts the pool's workers on purpose; just look again
                }
            }
            if (count == 0) {
                return null; // closed and drained
            }
            Runnable r = ring[head];
            ring[head] = null;
            head = (head + 1) % ring.length;
            count--;
            monitor.notifyAll(); // a place is free
            return r;
        }
    }

    private void workLoop() {
        Runnable r;
        while ((r = next()) != null) {
            r.run();
        }
    }

    public void shutdown() {
        synchronized (monitor) {
            closed = true;
            monitor.notifyAll();
        }
    }

    public boolean awaitTermination(Duration timeout) throws InterruptedException {
        long budget;
        try {
            budget = Math.max(0L, timeout.toNanos());
        } catch (ArithmeticException huge) {
            budget = Long.MAX_VALUE;
        }
        final long start = System.nanoTime();
        for (Thread t : threads) {
            while (t.isAlive()) {
                long left = budget - (System.nanoTime() - start);
                if (left <= 0) {
                    return false;
                }
                // millis and the nanos beyond them: join(0, n) with n > 0 waits about 1 ms, never forever
                t.join(left / 1_000_000L, (int) (left % 1_000_000L));
            }
        }
        return true;
    }
}
