package kata.map;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;

public final class ParallelMap {

    private ParallelMap() {
    }

    private static final class Failure {
        final int index;
        final Throwable cause;

        Failure(int index, Throwable cause) {
            this.index = index;
            this.cause = cause;
        }
    }

    public static <T, R> List<R> map(List<T> inputs, int parallelism, Function<? super T, ? extends R> function)
            throws InterruptedException {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1, got " + parallelism);
        }
        List<T> in = new ArrayList<>(inputs);
        int n = in.size();
        if (n == 0) {
            return new ArrayList<>();
        }
        Thread caller = Thread.currentThread();
        AtomicReferenceArray<R> results = new AtomicReferenceArray<>(n);
        AtomicInteger next = new AtomicInteger();
        AtomicInteger remaining = new AtomicInteger(n);
        AtomicReference<Failure> failure = new AtomicReference<>();
        AtomicBoolean stopped = new AtomicBoolean();

        Runnable worker = () -> {
            while (!stopped.get() && failure.get() == null) {
                int i = next.getAndIncrement();
                if (i >= n) {
                    return;
                }
                try {
                    results.set(i, function.apply(in.get(i)));
                } catch (Throwable t) {
                    if (failure.compareAndSet(null, new Failure(i, t))) {
                        LockSupport.unpark(caller);
                    }
                    return;
                }
                if (remaining.decrementAndGet() == 0) {
                    LockSupport.unpark(caller);
                }
            }
        };

        List<Thread> threads = new ArrayList<>();
        boolean ok = false;
        try {
            for (int w = 0; w < Math.min(parallelism, n); w++) {
                Thread t = new Thread(worker, "parallel-map-" + w);
                threads.add(t);
                t.start();
            }
            while (failure.get() == null && remaining.get() > 0) {
                LockSupport.park(failure);
                if (Thread.interrupted()) {
                    throw new InterruptedException("interrupted while waiting for the map");
                }
            }
            Failure f = failure.get();
            if (f != null) {
                throw new ElementFailedException(f.index, f.cause);
            }
            List<R> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                out.add(results.get(i));
            }
            ok = true;
            return out;
        } finally {
            stopped.set(true);
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
