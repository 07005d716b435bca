package kata.pool;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A thread pool with a fixed number of workers and a bounded queue, on a private monitor with
 * {@code wait}/{@code notifyAll}, and a small future of its own.
 */
public class BoundedPool {

    private final Object lock = new Object();
    private final ArrayDeque<Task<?>> queue = new ArrayDeque<>();
    private final int capacity;
    private final Thread[] workers;
    private boolean shutdown;

    public BoundedPool(int workers, int queueCapacity, String namePrefix) {
        if (workers < 1) {
            throw new IllegalArgumentException("workers < 1: " + workers);
        }
        if (queueCapacity < 1) {
            throw new IllegalArgumentException("queueCapacity < 1: " + queueCapacity);
        }
        this.capacity = queueCapacity;
        this.workers = new Thread[workers];
        for (int i = 0; i < workers; i++) {
            this.workers[i] = new Thread(this::workerLoop, namePrefix + "-" + (i + 1));
        }
        for (Thread w : this.workers) {
            w.start();
        }
    }

    public <T> Future<T> submit(Callable<T> task) throws InterruptedException {
        if (task == null) {
            throw new NullPointerException("task");
        }
        Task<T> t = new Task<>(task);
        synchronized (lock) {
            while (!shutdown && queue.size() >= capacity) {
                lock.wait();
            }
            if (shutdown) {
                throw new RejectedExecutionException("shut down");
            }
            queue.add(t);
            lock.notifyAll();
        }
        return t;
    }

    public void shutdown() {
        synchronized (lock) {
            shutdown = true;
            lock.notifyAll();
        }
    }

    public boolean awaitTermination(Duration timeout) throws InterruptedException {
        long total = TimeUnit.NANOSECONDS.convert(timeout);
        long start = System.nanoTime();
        for (Thread w : workers) {
            while (w.isAlive()) {
                long left = total - (System.nanoTime() - start);
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedJoin(w, left);
            }
        }
        return true;
    }

    private void workerLoop() {
        while (true) {
            Task<?> next;
            synchronized (lock) {
                while (queue.isEmpty() && !shutdown) {
                    try {
                        lock.wait();
                    } catch (InterruptedException e) {
                        // not used to stop workers: the loop condition decides
                    }
                }
                next = queue.poll();
                if (next == null) {
                    return;
                }
                lock.notifyAll();
            }
            Thread.interrupted();
            next.run();
        }
    }

    /** Result holder: the worker fills it in once, readers wait until it is filled. */
    private static final class Task<T> implements Future<T>, Runnable {
        private final Callable<T> callable;
        private volatile boolean done;
        private volatile boolean cancelled;
        private T value;
        private Throwable failure;

        Task(Callable<T> callable) {
            this.callable = callable;
        }

        @Override
        public void run() {
            if (cancelled) {
                return;
            }
            try {
                value = callable.call();
            } catch (Throwable t) {
                failure = t;
            }
            done = true;                        // volatile write publishes value/failure
            synchronized (this) {
                notifyAll();
            }
        }

        @Override
        public T get() throws InterruptedException, ExecutionException {
            while (!done) {                     // fast path: no lock once the result is there
                synchronized (this) {
                    wait();
                }
            }
            return report();
        }

        @Override
        public T get(long timeout, TimeUnit unit)
                throws InterruptedException, ExecutionException, TimeoutException {
            long total = unit.toNanos(timeout);
            long start = System.nanoTime();
            while (!done) {
                long left = total - (System.nanoTime() - start);
                if (left <= 0) {
                    throw new TimeoutException();
                }
                synchronized (this) {
                    TimeUnit.NANOSECONDS.timedWait(this, left);
                }
            }
            return report();
        }

        private T report() throws ExecutionException {
            if (cancelled) {
                throw new CancellationException();
            }
            if (failure != null) {
                throw new ExecutionException(failure);
            }
            return value;
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            synchronized (this) {
                if (done || cancelled) {
                    return false;
                }
                cancelled = true;
                done = true;
                notifyAll();
                return true;
            }
        }

        @Override
        public boolean isCancelled() {
            return cancelled;
        }

        @Override
        public boolean isDone() {
            return done;
        }
    }
}
