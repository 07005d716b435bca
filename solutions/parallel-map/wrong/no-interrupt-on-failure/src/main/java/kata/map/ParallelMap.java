package kata.map;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Wrong: on the first failure it throws at once, but only calls shutdown(), which lets the running
 * calls and every queued element go on after map has thrown: the "cancelled" work keeps running,
 * and so do its threads.
 */
public final class ParallelMap {

    private ParallelMap() {
    }

    public static <T, R> List<R> map(List<T> inputs, int parallelism, Function<? super T, ? extends R> function)
            throws InterruptedException {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1, not " + parallelism);
        }
        Objects.requireNonNull(function, "function");
        if (inputs.isEmpty()) {
            return List.of();
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallelism, inputs.size()));
        try {
            CompletionService<R> finished = new ExecutorCompletionService<>(pool);
            List<Future<R>> futures = new ArrayList<>();
            Map<Future<R>, Integer> indexOf = new IdentityHashMap<>();
            for (int i = 0; i < inputs.size(); i++) {
                T input = inputs.get(i);
                Future<R> future = finished.submit(() -> function.apply(input));
                futures.add(future);
                indexOf.put(future, i);
            }
            for (int i = 0; i < futures.size(); i++) {
                Future<R> next = finished.take();
                try {
                    next.get();
                } catch (ExecutionException e) {
                    throw new ElementFailedException(indexOf.get(next), e.getCause());
                }
            }
            List<R> results = new ArrayList<>();
            for (Future<R> future : futures) {
                results.add(resultOf(future));
            }
            return results;
        } finally {
            pool.shutdown();
        }
    }

    /** The result of a future that has completed normally (every one has, once the loop above is done). */
    private static <R> R resultOf(Future<R> future) throws InterruptedException {
        try {
            return future.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("a failed element was missed", e);
        }
    }
}
