package kata.pool;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Callable;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A thread pool with a fixed number of workers and a bounded queue. One lock, two conditions:
 * workers wait on "a task is waiting", submitters on "there is room".
 */
public class BoundedPool {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition taskWaiting = lock.newCondition();
    private final Condition roomInQueue = lock.newCondition();
    private final ArrayDeque<Runnable> queue = new ArrayDeque<>();
    private final int capacity;
    private final List<Thread> threads;
    private final Set<Thread> idle = ConcurrentHashMap.newKeySet();
    private boolean shutdown; // guarded by lock

    public BoundedPool(int workers, int queueCapacity, String namePrefix) {
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be at least 1, was " + workers);
        }
        if (queueCapacity < 1) {
            throw new IllegalArgumentException("queueCapacity must be at least 1, was " + queueCapacity);
        }
        this.capacity = queueCapacity;
        List<Thread> made = new ArrayList<>(workers);
        for (int i = 1; i <= workers; i++) {
            made.add(new Thread(this::workLoop, namePrefix + "-" + i));
        }
        this.threads = List.copyOf(made);
        for (Thread t : threads) {
            t.start();
        }
    }

    public <T> Future<T> submit(Callable<T> task) throws InterruptedException {
        Objects.requireNonNull(task, "task");
        FutureTask<T> future = new FutureTask<>(task);
        lock.lockInterruptibly();
        try {
            while (!shutdown && queue.size() >= capacity) {
                roomInQueue.await();
            }
            if (shutdown) {
                throw new RejectedExecutionException("pool is shut down");
            }
            queue.addLast(future);
            taskWaiting.signal();
        } finally {
            lock.unlock();
        }
        return future;
    }

    private void workLoop() {
        Thread me = Thread.currentThread();
        while (true) {
            Runnable next;
            idle.add(me);
            lock.lock();
            try {
                while (queue.isEmpty() && !shutdown) {
                    taskWaiting.await();
                }
                next = queue.pollFirst();
                if (next == null) {
                    return; // shut down and nothing left
                }
                roomInQueue.signal(); // exactly one place freed
            } catch (InterruptedException wokenByShutdown) {
                continue; // re-check: finish what is queued, end when it is empty
            } finally {
                lock.unlock();
            }
            idle.remove(me); // busy from here on: shutdown() leaves us alone
            next.run();      // FutureTask catches every Throwable
        }
    }

    public void shutdown() {
        lock.lock();
        try {
            if (!shutdown) {
                shutdown = true;
                roomInQueue.signalAll();
            }
        } finally {
            lock.unlock();
        }
        // wake the idle workers so they see the shutdown; running tasks are not interrupted
        for (Thread t : idle) {
            t.interrupt();
        }
    }

    public boolean awaitTermination(Duration timeout) throws InterruptedException {
        long nanos;
        try {
            nanos = timeout.toNanos();
        } catch (ArithmeticException tooLong) {
            nanos = timeout.isNegative() ? 0 : Long.MAX_VALUE;
        }
        final long deadline = System.nanoTime() + nanos; // differences stay right even on overflow
        for (Thread t : threads) {
            while (t.isAlive()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedJoin(t, left);
            }
        }
        return true;
    }
}
