package kata.pool;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
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
    private final Condition workerEnded = lock.newCondition();
    private boolean shutdown; // guarded by lock
    private int alive;        // guarded by lock

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
        this.alive = workers;
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
        try {
            runTasks();
        } finally {
            lock.lock();
            try {
                alive--;
                workerEnded.signalAll();
            } finally {
                lock.unlock();
            }
        }
    }

    private void runTasks() {
        while (true) {
            Runnable next;
            lock.lock();
            try {
                while (queue.isEmpty() && !shutdown) {
                    // nobody but shutdown()/submit() wakes a worker; interrupts are not its business
                    taskWaiting.awaitUninterruptibly();
                }
                next = queue.pollFirst();
                if (next == null) {
                    return; // shut down and nothing left
                }
                roomInQueue.signal(); // exactly one place freed
            } finally {
                lock.unlock();
            }
            Thread.interrupted(); // a previous task may have left the flag set
            next.run();           // FutureTask catches every Throwable
        }
    }

    public void shutdown() {
        lock.lock();
        try {
            if (!shutdown) {
                shutdown = true;
                taskWaiting.signalAll();
                roomInQueue.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    public boolean awaitTermination(Duration timeout) throws InterruptedException {
        lock.lockInterruptibly();
        try {
            while (alive > 0) {
                if (!workerEnded.await(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
                    return false; // timed out
                }
            }
        } finally {
            lock.unlock();
        }
        for (Thread t : threads) {
            t.join(); // each has left its loop; wait for it to be really gone
        }
        return true;
    }
}
