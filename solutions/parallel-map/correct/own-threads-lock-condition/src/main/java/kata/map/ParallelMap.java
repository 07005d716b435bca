package kata.map;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

public final class ParallelMap {

    private ParallelMap() {
    }

    public static <T, R> List<R> map(List<T> inputs, int parallelism, Function<? super T, ? extends R> function)
            throws InterruptedException {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism " + parallelism + " < 1");
        }
        final List<T> in = new ArrayList<>(inputs);
        final int n = in.size();
        if (n == 0) {
            return new ArrayList<>();
        }
        final Object[] results = new Object[n];
        final AtomicInteger next = new AtomicInteger();
        final ReentrantLock lock = new ReentrantLock(true);
        final Condition settled = lock.newCondition();
        final int[] finished = {0};          // guarded by lock
        final int[] failedIndex = {-1};      // guarded by lock
        final Throwable[] failure = {null};  // guarded by lock
        final boolean[] stopped = {false};   // guarded by lock

        Runnable worker = () -> {
            while (true) {
                lock.lock();
                try {
                    if (stopped[0] || failure[0] != null) {
                        return;
                    }
                } finally {
                    lock.unlock();
                }
                int index = next.getAndIncrement();
                if (index >= n) {
                    return;
                }
                Object result;
                try {
                    result = function.apply(in.get(index));
                } catch (Throwable t) {
                    lock.lock();
                    try {
                        if (failure[0] == null && !stopped[0]) {
                            failure[0] = t;
                            failedIndex[0] = index;
                            settled.signalAll();
                        }
                    } finally {
                        lock.unlock();
                    }
                    return;
                }
                lock.lock();
                try {
                    results[index] = result;
                    if (++finished[0] == n) {
                        settled.signalAll();
                    }
                } finally {
                    lock.unlock();
                }
            }
        };

        List<Thread> threads = new ArrayList<>();
        boolean ok = false;
        try {
            for (int w = 0; w < Math.min(parallelism, n); w++) {
                Thread t = new Thread(worker, "map-worker-" + w);
                threads.add(t);
                t.start();
            }
            lock.lock();
            try {
                while (failure[0] == null && finished[0] < n) {
                    settled.await();
                }
                if (failure[0] != null) {
                    throw new ElementFailedException(failedIndex[0], failure[0]);
                }
                List<R> out = new ArrayList<>(n);
                for (Object o : results) {
                    @SuppressWarnings("unchecked")
                    R r = (R) o;
                    out.add(r);
                }
                ok = true;
                return out;
            } finally {
                lock.unlock();
            }
        } finally {
            lock.lock();
            try {
                stopped[0] = true;
            } finally {
                lock.unlock();
            }
            if (!ok) {
                for (Thread t : threads) {
                    t.interrupt();
                }
            }
            boolean interrupted = false;
            for (Thread t : threads) {
                while (true) {
                    try {
                        t.join();
                        break;
                    } catch (InterruptedException e) {
                        interrupted = true;
                    }
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
