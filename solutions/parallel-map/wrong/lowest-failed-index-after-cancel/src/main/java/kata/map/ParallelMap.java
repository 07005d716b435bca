package kata.map;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

public final class ParallelMap {

    private ParallelMap() {
    }

    public static <T, R> List<R> map(List<T> inputs, int parallelism, Function<? super T, ? extends R> function)
            throws InterruptedException {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1");
        }
        int n = inputs.size();
        if (n == 0) {
            return new ArrayList<>();
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallelism, n));
        List<Future<R>> futures = new ArrayList<>(n);
        boolean failed = false;
        try {
            ExecutorCompletionService<R> completion = new ExecutorCompletionService<>(pool);
            for (T input : inputs) {
                futures.add(completion.submit(() -> function.apply(input)));
            }
            for (int k = 0; k < n && !failed; k++) {
                Future<R> done = completion.take();
                try {
                    done.get();
                } catch (ExecutionException e) {
                    failed = true;
                }
            }
        } finally {
            pool.shutdownNow();
            pool.awaitTermination(Long.MAX_VALUE, TimeUnit.NANOSECONDS);
        }
        if (failed) {
            // report the failure with the smallest index, so the result does not depend on timing
            for (int i = 0; i < n; i++) {
                Future<R> f = futures.get(i);
                if (f.isDone() && !f.isCancelled()) {
                    try {
                        f.get();
                    } catch (ExecutionException e) {
                        throw new ElementFailedException(i, e.getCause());
                    }
                }
            }
        }
        List<R> results = new ArrayList<>(n);
        for (Future<R> f : futures) {
            try {
                results.add(f.get());
            } catch (ExecutionException e) {
                throw new IllegalStateException(e);
            }
        }
        return results;
    }
}
