package kata.map;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
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
            throw new IllegalArgumentException("parallelism must be at least 1: " + parallelism);
        }
        List<T> in = new ArrayList<>(inputs);
        int n = in.size();
        if (n == 0) {
            return new ArrayList<>();
        }
        AtomicReference<Failure> first = new AtomicReference<>();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallelism, n));
        try {
            CompletionService<R> completion = new ExecutorCompletionService<>(pool);
            List<Future<R>> futures = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                final int index = i;
                final T input = in.get(i);
                futures.add(completion.submit(() -> {
                    if (first.get() != null) {
                        return null; // the map has already failed: do not start this call
                    }
                    try {
                        return function.apply(input);
                    } catch (Throwable t) {
                        first.compareAndSet(null, new Failure(index, t));
                        throw t;
                    }
                }));
            }
            for (int k = 0; k < n; k++) {
                Future<R> f = completion.take();
                try {
                    f.get();
                } catch (ExecutionException e) {
                    Failure failure = first.get();
                    throw new ElementFailedException(failure.index, failure.cause);
                }
            }
            List<R> results = new ArrayList<>(n);
            for (Future<R> f : futures) {
                try {
                    results.add(f.get());
                } catch (ExecutionException e) {
                    throw new IllegalStateException("unreachable", e);
                }
            }
            return results;
        } finally {
            pool.shutdownNow();
            pool.awaitTermination(Long.MAX_VALUE, TimeUnit.NANOSECONDS);
        }
    }
}
