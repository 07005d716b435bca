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

    /** Pools are expensive: keep one per parallelism and reuse its threads across calls. */
    private static final Map<Integer, ExecutorService> POOLS = new ConcurrentHashMap<>();

    public static <T, R> List<R> map(List<T> inputs, int parallelism, Function<? super T, ? extends R> function)
            throws InterruptedException {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1");
        }
        int n = inputs.size();
        if (n == 0) {
            return new ArrayList<>();
        }
        ExecutorService pool = POOLS.computeIfAbsent(parallelism, Executors::newFixedThreadPool);
        ExecutorCompletionService<R> completion = new ExecutorCompletionService<>(pool);
        List<Future<R>> futures = new ArrayList<>(n);
        Map<Future<R>, Integer> indexOf = new IdentityHashMap<>();
        try {
            for (T input : inputs) {
                Future<R> f = completion.submit(() -> function.apply(input));
                indexOf.put(f, futures.size());
                futures.add(f);
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
            for (Future<R> f : futures) {
                try {
                    results.add(f.get());
                } catch (ExecutionException e) {
                    throw new IllegalStateException(e);
                }
            }
            return results;
        } finally {
            for (Future<R> f : futures) {
                f.cancel(true);
            }
        }
    }
}
