package kata.map;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionService;
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
            throw new IllegalArgumentException("parallelism must be positive");
        }
        if (inputs.isEmpty()) {
            return new ArrayList<>();
        }
        int n = inputs.size();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(n, parallelism));
        List<Future<R>> futures = new ArrayList<>(n);
        try {
            CompletionService<R> completion = new ExecutorCompletionService<>(pool);
            Map<Future<R>, Integer> index = new IdentityHashMap<>();
            for (T input : inputs) {
                Future<R> f = completion.submit(() -> function.apply(input));
                index.put(f, futures.size());
                futures.add(f);
            }
            for (int remaining = n; remaining > 0; remaining--) {
                Future<R> f = completion.take();
                try {
                    f.get();
                } catch (ExecutionException e) {
                    throw new ElementFailedException(index.get(f), e.getCause());
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
        } finally {
            // The queued ones first: a thread freed by cancelling a running call must find nothing
            // left to start.
            for (int i = futures.size() - 1; i >= 0; i--) {
                futures.get(i).cancel(true);
            }
            pool.shutdown();
            while (!pool.awaitTermination(10, TimeUnit.SECONDS)) {
                pool.shutdownNow();
            }
        }
    }
}
