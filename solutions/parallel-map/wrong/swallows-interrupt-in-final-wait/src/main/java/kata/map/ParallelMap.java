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

    /**
     * Returns {@code function} applied to each input, in the order of the inputs (result i belongs to
     * input i, whatever order the calls finish in). Runs the calls on at most {@code parallelism}
     * threads, and on that many at once when there is enough work. Every thread it starts has ended,
     * or is ending, when it returns or throws.
     *
     * <p>When a call throws, the first failure (in time) ends the whole map: calls not started yet
     * never start, running calls are interrupted, and {@code map} throws
     * {@link ElementFailedException} with that element's index and what the call threw as its cause.
     *
     * @throws IllegalArgumentException if {@code parallelism} is less than 1
     * @throws ElementFailedException   if the function threw on an element
     * @throws InterruptedException     if the calling thread is interrupted while it waits
     */
    public static <T, R> List<R> map(List<T> inputs, int parallelism, Function<? super T, ? extends R> function)
            throws InterruptedException {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1, was " + parallelism);
        }
        if (inputs.isEmpty()) {
            return new ArrayList<>();
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallelism, inputs.size()));
        try {
            ExecutorCompletionService<R> completion = new ExecutorCompletionService<>(pool);
            List<Future<R>> futures = new ArrayList<>(inputs.size());
            Map<Future<R>, Integer> positions = new IdentityHashMap<>();
            for (T element : inputs) {
                Future<R> future = completion.submit(() -> function.apply(element));
                positions.put(future, futures.size());
                futures.add(future);
            }
            // wait in completion order, so that a failure anywhere is seen at once
            for (int i = 0; i < futures.size(); i++) {
                Future<R> done = completion.take();
                try {
                    done.get();
                } catch (ExecutionException e) {
                    throw new ElementFailedException(positions.get(done), e.getCause());
                }
            }
            // every future is done now: read them in input order
            List<R> results = new ArrayList<>(futures.size());
            for (Future<R> future : futures) {
                try {
                    results.add(future.get());
                } catch (ExecutionException e) {
                    throw new AssertionError("already checked", e);
                }
            }
            return results;
        } finally {
            pool.shutdownNow();
            try {
                pool.awaitTermination(Long.MAX_VALUE, TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                // nothing left to do: the pool is shut down already
            }
        }
    }
}
