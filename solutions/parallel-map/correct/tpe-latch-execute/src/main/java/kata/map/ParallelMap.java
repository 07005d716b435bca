package kata.map;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Function;

public final class ParallelMap {

    private ParallelMap() {
    }

    private static final class Failed {
        final int index;
        final Throwable cause;

        Failed(int index, Throwable cause) {
            this.index = index;
            this.cause = cause;
        }
    }

    private static final class NamedThreads implements ThreadFactory {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable r) {
            Thread t = new Thread(r, "parallel-map-worker-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        }
    }

    public static <T, R> List<R> map(List<T> inputs, int parallelism, Function<? super T, ? extends R> function)
            throws InterruptedException {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism: " + parallelism);
        }
        List<T> in = new ArrayList<>(inputs);
        int n = in.size();
        if (n == 0) {
            return new ArrayList<>();
        }
        int threads = Math.min(parallelism, n);
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 0L, TimeUnit.MILLISECONDS,
                new LinkedBlockingQueue<>(), new NamedThreads());
        AtomicReferenceArray<R> results = new AtomicReferenceArray<>(n);
        AtomicInteger remaining = new AtomicInteger(n);
        AtomicReference<Failed> failure = new AtomicReference<>();
        CountDownLatch settled = new CountDownLatch(1);
        try {
            for (int i = 0; i < n; i++) {
                final int index = i;
                final T input = in.get(i);
                pool.execute(() -> {
                    if (failure.get() != null) {
                        return;
                    }
                    try {
                        results.set(index, function.apply(input));
                    } catch (Throwable t) {
                        if (failure.compareAndSet(null, new Failed(index, t))) {
                            settled.countDown();
                        }
                        return;
                    }
                    if (remaining.decrementAndGet() == 0) {
                        settled.countDown();
                    }
                });
            }
            settled.await();
            Failed f = failure.get();
            if (f != null) {
                throw new ElementFailedException(f.index, f.cause);
            }
            List<R> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                out.add(results.get(i));
            }
            return out;
        } finally {
            pool.shutdownNow();
            pool.awaitTermination(Long.MAX_VALUE, TimeUnit.NANOSECONDS);
        }
    }
}
