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
import java.util.function.Function;

/**
 * Wrong: never shuts its pool down. The results are right, and a failure cancels the other futures
 * with cancel(true); but the pool's threads stay alive, idle, after every call: each map leaks
 * its threads.
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
                futures.forEach(future -> future.cancel(true));
                throw new ElementFailedException(indexOf.get(next), e.getCause());
            }
        }
        List<R> results = new ArrayList<>();
        for (Future<R> future : futures) {
            try {
                results.add(future.get());
            } catch (ExecutionException e) {
                throw new IllegalStateException("a failed element was missed", e);
            }
        }
        return results;
    }
}
