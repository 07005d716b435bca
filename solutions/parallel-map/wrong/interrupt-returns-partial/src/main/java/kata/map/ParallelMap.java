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
        try {
            ExecutorCompletionService<R> completion = new ExecutorCompletionService<>(pool);
            Map<Future<R>, Integer> indexOf = new IdentityHashMap<>();
            for (T input : inputs) {
                indexOf.put(completion.submit(() -> function.apply(input)), indexOf.size());
            }
            List<R> results = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                results.add(null);
            }
            for (int k = 0; k < n; k++) {
                Future<R> done;
                try {
                    done = completion.take();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt(); // keep the interrupt status for the caller
                    break;
                }
                int index = indexOf.get(done);
                try {
                    results.set(index, done.get());
                } catch (ExecutionException e) {
                    throw new ElementFailedException(index, e.getCause());
                }
            }
            return results;
        } finally {
            pool.shutdownNow();
            boolean interrupted = Thread.interrupted();
            pool.awaitTermination(Long.MAX_VALUE, TimeUnit.NANOSECONDS);
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
