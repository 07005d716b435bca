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

/**
 * Wrong: collects the results in the order the calls finish, as they come out of the completion
 * service, instead of in input order.
 */
public final class ParallelMap {

    private ParallelMap() {
    }

    public static <T, R> List<R> map(List<T> inputs, int parallelism, Function<? super T, ? extends R> function)
            throws InterruptedException {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1, not " + parallelism);
        }
        if (inputs.isEmpty()) {
            return List.of();
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallelism, inputs.size()));
        try {
            CompletionService<R> finished = new ExecutorCompletionService<>(pool);
            Map<Future<R>, Integer> indexOf = new IdentityHashMap<>();
            for (int i = 0; i < inputs.size(); i++) {
                T input = inputs.get(i);
                indexOf.put(finished.submit(() -> function.apply(input)), i);
            }
            List<R> results = new ArrayList<>();
            for (int i = 0; i < inputs.size(); i++) {
                Future<R> next = finished.take();
                try {
                    results.add(next.get());
                } catch (ExecutionException e) {
                    throw new ElementFailedException(indexOf.get(next), e.getCause());
                }
            }
            return results;
        } finally {
            pool.shutdownNow();
            pool.awaitTermination(Long.MAX_VALUE, TimeUnit.NANOSECONDS);
        }
    }
}
