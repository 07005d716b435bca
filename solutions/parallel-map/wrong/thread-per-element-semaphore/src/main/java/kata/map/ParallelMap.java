package kata.map;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.AtomicReferenceArray;
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
            throw new IllegalArgumentException("parallelism must be at least 1");
        }
        List<T> in = new ArrayList<>(inputs);
        int n = in.size();
        if (n == 0) {
            return new ArrayList<>();
        }
        Semaphore permits = new Semaphore(parallelism);
        AtomicReferenceArray<R> results = new AtomicReferenceArray<>(n);
        AtomicReference<Failure> failure = new AtomicReference<>();
        AtomicInteger remaining = new AtomicInteger(n);
        CountDownLatch settled = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>(n);
        try {
            for (int i = 0; i < n; i++) {
                final int index = i;
                Thread t = new Thread(() -> {
                    try {
                        permits.acquire();
                    } catch (InterruptedException e) {
                        return; // the map was cancelled before this call started
                    }
                    try {
                        if (failure.get() != null) {
                            return;
                        }
                        results.set(index, function.apply(in.get(index)));
                        if (remaining.decrementAndGet() == 0) {
                            settled.countDown();
                        }
                    } catch (Throwable e) {
                        if (failure.compareAndSet(null, new Failure(index, e))) {
                            settled.countDown();
                        }
                    } finally {
                        permits.release();
                    }
                }, "parallel-map-" + i);
                threads.add(t);
                t.start();
            }
            settled.await();
            Failure f = failure.get();
            if (f != null) {
                throw new ElementFailedException(f.index, f.cause);
            }
            List<R> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                out.add(results.get(i));
            }
            return out;
        } finally {
            for (Thread t : threads) {
                t.interrupt();
            }
            for (Thread t : threads) {
                t.join();
            }
        }
    }
}
