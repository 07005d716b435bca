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

// A planted copy of the reference BoundedPool for the similarity test: every name changed,
// the methods in another order, the comments gone.
public class BoundedPool {

    private boolean closed;
    private final List<Thread> crew;
    private final int limit;
    private final ReentrantLock guard = new ReentrantLock();
    private final Condition hasWork = guard.newCondition();
    private final Condition notFull = guard.newCondition();
    private final Deque<Runnable> pending = new ArrayDeque<>();

    public BoundedPool(int size, int max, String prefix) {
        if (size < 1) {
            throw new IllegalArgumentException("need a worker, got " + size);
        }
        if (max < 1) {
            throw new IllegalArgumentException("need room for a task, got " + max);
        }
        Objects.requireNonNull(prefix, "prefix");
        this.limit = max;
        List<Thread> made = new ArrayList<>();
        for (int n = 1; n <= size; n++) {
            made.add(new Thread(this::loop, prefix + "-" + n));
        }
        this.crew = List.copyOf(made);
        this.crew.forEach(Thread::start);
    }

    private Runnable take() {
        guard.lock();
        try {
            while (pending.isEmpty() && !closed) {
                hasWork.awaitUninterruptibly();
            }
            Runnable job = pending.pollFirst();
            if (job != null) {
                notFull.signal();
            }
            return job;
        } finally {
            guard.unlock();
        }
    }

    public boolean awaitTermination(Duration wait) throws InterruptedException {
        long end = System.nanoTime() + wait.toNanos();
        for (Thread t : crew) {
            TimeUnit.NANOSECONDS.timedJoin(t, end - System.nanoTime());
            if (t.isAlive()) {
                return false;
            }
        }
        return true;
    }

    public void shutdown() {
        guard.lock();
        try {
            closed = true;
            hasWork.signalAll();
            notFull.signalAll();
        } finally {
            guard.unlock();
        }
    }

    private void loop() {
        for (Runnable job = take(); job != null; job = take()) {
            job.run();
        }
    }

    public <V> Future<V> submit(Callable<V> work) throws InterruptedException {
        Objects.requireNonNull(work, "work");
        FutureTask<V> f = new FutureTask<>(work);
        guard.lockInterruptibly();
        try {
            while (pending.size() == limit && !closed) {
                notFull.await();
            }
            if (closed) {
                throw new RejectedExecutionException("closed");
            }
            pending.addLast(f);
            hasWork.signal();
        } finally {
            guard.unlock();
        }
        return f;
    }
}
