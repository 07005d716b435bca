package kata.pool;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.Callable;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Hand-made waiting: two lists of parked threads (idle workers, submitters waiting for room) kept
 * under a private monitor that nobody waits on. A thread registers itself under the monitor after
 * seeing it must wait, then parks outside it; a waker removes it from the list and unparks it. Since
 * unpark before park leaves a permit, no wake-up is lost; every woken thread re-checks in a loop.
 */
public class BoundedPool {

    private final Object state = new Object();
    private final ArrayDeque<Runnable> queue = new ArrayDeque<>();
    private final ArrayDeque<Thread> idleWorkers = new ArrayDeque<>();
    private final ArrayDeque<Thread> waitingSubmitters = new ArrayDeque<>();
    private final int capacity;
    private final Thread[] workers;
    private boolean shutdown;

    public BoundedPool(int workers, int queueCapacity, String namePrefix) {
        if (workers < 1 || queueCapacity < 1) {
            throw new IllegalArgumentException("sizes below 1");
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
        FutureTask<T> ft = new FutureTask<>(task);
        Thread me = Thread.currentThread();
        while (true) {
            synchronized (state) {
                waitingSubmitters.remove(me);
                if (shutdown) {
                    throw new RejectedExecutionException("shut down");
                }
                if (queue.size() < capacity) {
                    queue.addLast(ft);
                    Thread w = idleWorkers.pollFirst();
                    if (w != null) {
                        LockSupport.unpark(w);
                    }
                    return ft;
                }
                if (Thread.interrupted()) {
                    throw new InterruptedException(); // the queue is full, so no room wake-up is lost
                }
                waitingSubmitters.addLast(me);
            }
            LockSupport.park(this);
        }
    }

    public void shutdown() {
        synchronized (state) {
            shutdown = true;
            for (Thread t : idleWorkers) {
                LockSupport.unpark(t);
            }
            idleWorkers.clear();
            for (Thread t : waitingSubmitters) {
                LockSupport.unpark(t);
            }
            waitingSubmitters.clear();
        }
    }

    public boolean awaitTermination(Duration timeout) throws InterruptedException {
        long budget = timeout.isNegative() ? 0 : timeout.compareTo(Duration.ofDays(20_000)) > 0
                ? Duration.ofDays(20_000).toNanos() : timeout.toNanos();
        long deadline = System.nanoTime() + budget;
        for (Thread w : workers) {
            long left = deadline - System.nanoTime();
            if (left > 0) {
                TimeUnit.NANOSECONDS.timedJoin(w, left);
            }
            if (w.isAlive()) {
                return false;
            }
        }
        return true;
    }

    private void workerLoop() {
        Thread me = Thread.currentThread();
        while (true) {
            Runnable job;
            synchronized (state) {
                idleWorkers.remove(me);
                job = queue.pollFirst();
                if (job != null) {
                    Thread s = waitingSubmitters.pollFirst();
                    if (s != null) {
                        LockSupport.unpark(s);
                    }
                } else if (shutdown) {
                    return;
                } else {
                    idleWorkers.addLast(me);
                }
            }
            if (job == null) {
                LockSupport.park(this);
                Thread.interrupted(); // an interrupt would make park return at once: clear it
                continue;
            }
            job.run();
            Thread.interrupted();
        }
    }
}
