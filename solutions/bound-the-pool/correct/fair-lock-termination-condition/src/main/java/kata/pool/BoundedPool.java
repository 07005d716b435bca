package kata.pool;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Fair lock, three conditions: work available, room available, and "the last worker left".
 * awaitTermination waits on the third with awaitNanos and one deadline, then joins the threads
 * with what is left of the same deadline.
 */
public class BoundedPool {

    private final ReentrantLock lock = new ReentrantLock(true);
    private final Condition workAvailable = lock.newCondition();
    private final Condition roomAvailable = lock.newCondition();
    private final Condition allGone = lock.newCondition();
    private final ArrayDeque<FutureTask<?>> tasks;
    private final int limit;
    private final List<Thread> workerThreads = new ArrayList<>();
    private int liveWorkers;
    private boolean accepting = true;

    public BoundedPool(int workers, int queueCapacity, String namePrefix) {
        if (workers < 1) {
            throw new IllegalArgumentException("need at least one worker");
        }
        if (queueCapacity < 1) {
            throw new IllegalArgumentException("need room for at least one task");
        }
        this.limit = queueCapacity;
        this.tasks = new ArrayDeque<>(queueCapacity);
        this.liveWorkers = workers;
        for (int i = 1; i <= workers; i++) {
            workerThreads.add(new Thread(this::work, namePrefix + "-" + i));
        }
        workerThreads.forEach(Thread::start);
    }

    public <T> Future<T> submit(Callable<T> task) throws InterruptedException {
        FutureTask<T> ft = new FutureTask<>(task);
        lock.lock();
        try {
            while (accepting && tasks.size() == limit) {
                roomAvailable.await();
            }
            if (!accepting) {
                throw new RejectedExecutionException("pool no longer accepts tasks");
            }
            tasks.add(ft);
            workAvailable.signal();
            return ft;
        } finally {
            lock.unlock();
        }
    }

    public void shutdown() {
        lock.lock();
        try {
            if (accepting) {
                accepting = false;
                workAvailable.signalAll();
                roomAvailable.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    public boolean awaitTermination(Duration timeout) throws InterruptedException {
        long nanos = timeout.isNegative() ? 0
                : timeout.compareTo(Duration.ofDays(10_000)) > 0 ? Duration.ofDays(10_000).toNanos() : timeout.toNanos();
        final long deadline = System.nanoTime() + nanos;
        lock.lock();
        try {
            while (liveWorkers > 0) {
                if (nanos <= 0) {
                    return false;
                }
                nanos = allGone.awaitNanos(nanos); // remaining time, not a fresh timeout
            }
        } finally {
            lock.unlock();
        }
        // every worker left its loop; wait (within the same deadline) for the threads themselves to end
        for (Thread t : workerThreads) {
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

    private void work() {
        try {
            while (true) {
                FutureTask<?> ft;
                lock.lock();
                try {
                    while (tasks.isEmpty() && accepting) {
                        workAvailable.awaitUninterruptibly();
                    }
                    ft = tasks.poll();
                    if (ft == null) {
                        return;
                    }
                    roomAvailable.signal();
                } finally {
                    lock.unlock();
                }
                ft.run();
                Thread.interrupted();
            }
        } finally {
            lock.lock();
            try {
                if (--liveWorkers == 0) {
                    allGone.signalAll();
                }
            } finally {
                lock.unlock();
            }
        }
    }
}
