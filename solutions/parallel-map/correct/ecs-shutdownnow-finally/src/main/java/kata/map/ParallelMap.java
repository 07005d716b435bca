package kata.map;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Applies a function to every element of a list on several threads: the seed's
 * {@code pool.submit(task, i)} and {@code future.result()}, for a whole list at once.
 */
public final class ParallelMap {

    private ParallelMap() {
    }

    public static <T, R> List<R> map(List<T> inputs, int parallelism, Function<? super T, ? extends R> function)
            throws InterruptedException {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1, was " + parallelism);
        }
        int n = inputs.size();
        if (n == 0) {
            return new ArrayList<>();
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallelism, n));
        try {
            ExecutorCompletionService<R> completion = new ExecutorCompletionService<>(pool);
            List<Future<R>> futures = new ArrayList<>(n);
            Map<Future<R>, Integer> indexOf = new IdentityHashMap<>();
            int i = 0;
            for (T input : inputs) {
                Future<R> future = completion.submit(() -> function.apply(input));
                futures.add(future);
                indexOf.put(future, i++);
            }
            for (int k = 0; k < n; k++) {
                Future<R> done = completion.take();
                try {
                    done.get();
                } catch (ExecutionException e) {
                    throw new ElementFailedException(indexOf.get(done), e.getCause());
                }
            }
            List<R> results = new ArrayList<>(n);
            for (Future<R> future : futures) {
                try {
                    results.add(future.get());
                } catch (ExecutionException e) {
                    throw new AssertionError("every call has already succeeded", e);
                }
            }
            return results;
        } finally {
            pool.shutdownNow();
            pool.awaitTermination(Long.MAX_VALUE, TimeUnit.NANOSECONDS);
        }
    }
}
