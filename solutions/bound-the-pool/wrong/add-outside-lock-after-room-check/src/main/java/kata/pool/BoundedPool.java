package kata.pool;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Reference solution: a bounded buffer of tasks (one lock, two conditions) drained by a fixed set
 * of workers. The shutdown flag lives under the same lock as the queue, so "is it shut down?" and
 * "add the task" are one step, and a worker ends only once the pool is shut down and the queue empty.
 */
public class BoundedPool {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition taskWaiting = lock.newCondition();
    private final Condition roomInQueue = lock.newCondition();
    private final Deque<Runnable> queue = new ArrayDeque<>();
    private final int capacity;
    private final List<Thread> workers;
    private boolean shutdown;

    public BoundedPool(int workers, int queueCapacity, String namePrefix) {
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be at least 1, not " + workers);
        }
        if (queueCapacity < 1) {
            throw new IllegalArgumentException("queueCapacity must be at least 1, not " + queueCapacity);
        }
        Objects.requireNonNull(namePrefix, "namePrefix");
        this.capacity = queueCapacity;
        List<Thread> threads = new ArrayList<>();
        for (int i = 1; i <= workers; i++) {
            threads.add(new Thread(this::work, namePrefix + "-" + i));
        }
        this.workers = List.copyOf(threads);
        // Started last: the workers read the fields above.
        this.workers.forEach(Thread::start);
    }

    public <T> Future<T> submit(Callable<T> task) throws InterruptedException {
        Objects.requireNonNull(task, "task");
        FutureTask<T> future = new FutureTask<>(task);
        lock.lockInterruptibly();
        try {
            while (queue.size() == capacity && !shutdown) {
                roomInQueue.await();
            }
            if (shutdown) {
                throw new RejectedExecutionException("the pool is shut down");
            }
        } finally {
            lock.unlock();
        }
        lock.lock();
        try {
            queue.addLast(future);
            taskWaiting.signal();
        } finally {
            lock.unlock();
        }
        return future;
    }

    public void shutdown() {
        lock.lock();
        try {
            shutdown = true;
            // Idle workers must wake to end; waiting submitters must wake to be rejected.
            taskWaiting.signalAll();
            roomInQueue.signalAll();
        } finally {
            lock.unlock();
        }
    }

    public boolean awaitTermination(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (Thread worker : workers) {
            TimeUnit.NANOSECONDS.timedJoin(worker, deadline - System.nanoTime());
            if (worker.isAlive()) {
                return false;
            }
        }
        return true;
    }

    private void work() {
        for (Runnable task = next(); task != null; task = next()) {
            // Outside the lock, so that the other workers and the submitters go on meanwhile.
            // A FutureTask keeps whatever the task throws for its future: the worker lives on.
            task.run();
        }
    }

    /** The next task, waiting for one; null once the pool is shut down and the queue is empty. */
    private Runnable next() {
        lock.lock();
        try {
            while (queue.isEmpty() && !shutdown) {
                taskWaiting.awaitUninterruptibly();
            }
            Runnable task = queue.pollFirst();
            if (task != null) {
                roomInQueue.signal();
            }
            return task;
        } finally {
            lock.unlock();
        }
    }
}
