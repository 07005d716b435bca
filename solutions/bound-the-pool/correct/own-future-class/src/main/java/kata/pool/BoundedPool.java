package kata.pool;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Lock and two conditions for the pool; the futures are the pool's own {@link TaskFuture}
 * instead of {@code FutureTask}. It catches every {@code Throwable} of the task.
 */
public class BoundedPool {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notEmpty = lock.newCondition();
    private final Condition notFull = lock.newCondition();
    private final ArrayDeque<TaskFuture<?>> queue = new ArrayDeque<>();
    private final int capacity;
    private final List<Thread> threads = new ArrayList<>();
    private boolean shutdown;

    public BoundedPool(int workers, int queueCapacity, String namePrefix) {
        if (workers < 1 || queueCapacity < 1) {
            throw new IllegalArgumentException("workers and queueCapacity must be positive");
        }
        capacity = queueCapacity;
        for (int i = 1; i <= workers; i++) {
            threads.add(new Thread(this::workLoop, namePrefix + "-" + i));
        }
        threads.forEach(Thread::start);
    }

    public <T> Future<T> submit(Callable<T> task) throws InterruptedException {
        if (task == null) {
            throw new NullPointerException("task");
        }
        TaskFuture<T> future = new TaskFuture<>(task);
        lock.lock();
        try {
            while (!shutdown && queue.size() >= capacity) {
                notFull.await();
            }
            if (shutdown) {
                throw new RejectedExecutionException("shut down");
            }
            queue.addLast(future);
            notEmpty.signal();
        } finally {
            lock.unlock();
        }
        return future;
    }

    public void shutdown() {
        lock.lock();
        try {
            shutdown = true;
            notEmpty.signalAll();
            notFull.signalAll();
        } finally {
            lock.unlock();
        }
    }

    public boolean awaitTermination(Duration timeout) throws InterruptedException {
        long limit = timeout.isNegative() ? 0 : timeout.compareTo(Duration.ofDays(1000)) > 0
                ? TimeUnit.DAYS.toNanos(1000) : timeout.toNanos();
        long deadline = System.nanoTime() + limit;
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

    private void workLoop() {
        while (true) {
            TaskFuture<?> next;
            lock.lock();
            try {
                while (queue.isEmpty() && !shutdown) {
                    notEmpty.awaitUninterruptibly();
                }
                next = queue.pollFirst();
                if (next == null) {
                    return;
                }
                notFull.signal();
            } finally {
                lock.unlock();
            }
            next.run();
            Thread.interrupted();
        }
    }
}
