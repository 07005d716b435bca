package kata.map;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

public final class ParallelMap {

    private ParallelMap() {
    }

    public static <T, R> List<R> map(List<T> inputs, int parallelism, Function<? super T, ? extends R> function)
            throws InterruptedException {
        if (parallelism < 0) {
            throw new IllegalArgumentException("parallelism must not be negative");
        }
        int n = inputs.size();
        // at least one thread, so that an empty list does not make newFixedThreadPool(0) throw
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(parallelism, n)));
        try {
            ExecutorCompletionService<R> completion = new ExecutorCompletionService<>(pool);
            List<Future<R>> futures = new ArrayList<>(n);
            Map<Future<R>, Integer> indexOf = new IdentityHashMap<>();
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
            pool.shutdownNow();
            pool.awaitTermination(Long.MAX_VALUE, TimeUnit.NANOSECONDS);
        }
    }
}
