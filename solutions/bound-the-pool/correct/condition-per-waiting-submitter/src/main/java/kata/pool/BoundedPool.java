package kata.pool;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.Callable;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * First come, first served back-pressure: each submitter that finds no room gets its own
 * {@link Condition} in a FIFO line. When a worker frees a place it reserves that place for the
 * submitter at the head of the line and signals exactly that submitter, so nobody can barge in
 * ahead of a waiting submitter. A waiter that gives up (interrupt or shutdown) hands a place that was
 * already reserved for it on to the next one in line, so no wake-up is ever lost.
 */
public class BoundedPool {

    private static final class Waiter {
        final Condition turn;
        boolean granted; // a place is reserved for this waiter

        Waiter(Condition turn) {
            this.turn = turn;
        }
    }

    private final ReentrantLock lock = new ReentrantLock(true);
    private final Condition workAvailable = lock.newCondition();
    private final ArrayDeque<FutureTask<?>> tasks = new ArrayDeque<>();
    private final ArrayDeque<Waiter> line = new ArrayDeque<>();
    private final int capacity;
    private int reserved;      // places promised to granted waiters that have not yet queued their task
    private boolean shutdown;
    private final Thread[] threads;

    public BoundedPool(int workers, int queueCapacity, String namePrefix) {
        if (workers < 1) {
            throw new IllegalArgumentException("workers < 1: " + workers);
        }
        if (queueCapacity < 1) {
            throw new IllegalArgumentException("queueCapacity < 1: " + queueCapacity);
        }
        capacity = queueCapacity;
        threads = new Thread[workers];
        for (int i = 0; i < workers; i++) {
            threads[i] = new Thread(this::work, namePrefix + "-" + (i + 1));
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
        lock.lockInterruptibly();
        try {
            if (shutdown) {
                throw new RejectedExecutionException("pool is shut down");
            }
            if (line.isEmpty() && tasks.size() + reserved < capacity) {
                enqueue(future);
                return future;
            }
            Waiter me = new Waiter(lock.newCondition());
            line.addLast(me);
            try {
                while (!me.granted && !shutdown) {
                    me.turn.await();
                }
            } catch (InterruptedException e) {
                giveUp(me);
                throw e;
            }
            if (shutdown) {
                giveUp(me);
                throw new RejectedExecutionException("pool was shut down while waiting for room");
            }
            reserved--; // use the place reserved for me
            enqueue(future);
            return future;
        } finally {
            lock.unlock();
        }
    }

    /** Lock held. Leaves the line; a place already reserved for me goes to the next waiter. */
    private void giveUp(Waiter me) {
        if (me.granted) {
            reserved--;
            grantFreePlaces();
        } else {
            line.remove(me);
        }
    }

    /** Lock held. */
    private void enqueue(FutureTask<?> future) {
        tasks.addLast(future);
        workAvailable.signal();
    }

    /** Lock held. Reserves every free place for the waiters at the head of the line. */
    private void grantFreePlaces() {
        while (!line.isEmpty() && tasks.size() + reserved < capacity) {
            Waiter w = line.pollFirst();
            w.granted = true;
            reserved++;
            w.turn.signal();
        }
    }

    private void work() {
        while (true) {
            FutureTask<?> next;
            lock.lock();
            try {
                while (tasks.isEmpty() && !shutdown) {
                    workAvailable.awaitUninterruptibly();
                }
                next = tasks.pollFirst();
                if (next == null) {
                    return; // shut down and nothing left
                }
                grantFreePlaces();
            } finally {
                lock.unlock();
            }
            next.run();
        }
    }

    public void shutdown() {
        lock.lock();
        try {
            shutdown = true;
            for (Waiter w : line) {
                w.turn.signal();
            }
            workAvailable.signalAll();
        } finally {
            lock.unlock();
        }
    }

    public boolean awaitTermination(Duration timeout) throws InterruptedException {
        long budget;
        try {
            budget = timeout.isNegative() ? 0 : timeout.toNanos();
        } catch (ArithmeticException huge) {
            budget = Long.MAX_VALUE;
        }
        long start = System.nanoTime();
        for (Thread t : threads) {
            while (t.isAlive()) {
                long left = budget - (System.nanoTime() - start);
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedJoin(t, left);
            }
        }
        return true;
    }
}
