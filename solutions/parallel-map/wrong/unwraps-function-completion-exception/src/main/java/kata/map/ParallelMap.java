package kata.map;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Applies a function to every element of a list on several threads: the seed's
 * {@code pool.submit(task, i)} and {@code future.result()}, for a whole list at once.
 */
public final class ParallelMap {

    private ParallelMap() {
    }

    private static final Object ALL_DONE = new Object();

    private static final class Failure {
        final int index;
        final Throwable cause;

        Failure(int index, Throwable cause) {
            this.index = index;
            this.cause = cause;
        }
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
        int n = inputs.size();
        if (n == 0) {
            return new ArrayList<>();
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallelism, n));
        try {
            // completed once: with ALL_DONE by the last success, or with a Failure by the first failure
            CompletableFuture<Object> outcome = new CompletableFuture<>();
            AtomicInteger pending = new AtomicInteger(n);
            List<CompletableFuture<R>> calls = new ArrayList<>(n);
            int index = 0;
            for (T element : inputs) {
                final int position = index++;
                CompletableFuture<R> call = CompletableFuture.supplyAsync(() -> function.apply(element), pool);
                call.whenComplete((result, error) -> {
                    if (error != null) {
                        outcome.complete(new Failure(position, unwrap(error)));
                    } else if (pending.decrementAndGet() == 0) {
                        outcome.complete(ALL_DONE);
                    }
                });
                calls.add(call);
            }
            Object how;
            try {
                how = outcome.get();
            } catch (ExecutionException e) {
                throw new IllegalStateException("outcome is never completed exceptionally", e);
            }
            if (how instanceof Failure) {
                Failure failure = (Failure) how;
                throw new ElementFailedException(failure.index, failure.cause);
            }
            List<R> results = new ArrayList<>(n);
            for (CompletableFuture<R> call : calls) {
                results.add(call.join());
            }
            return results;
        } finally {
            pool.shutdownNow();
            boolean interrupted = false;
            while (true) {
                try {
                    if (pool.awaitTermination(Long.MAX_VALUE, TimeUnit.NANOSECONDS)) {
                        break;
                    }
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** supplyAsync wraps what the supplier threw in a CompletionException: take it back out. */
    private static Throwable unwrap(Throwable error) {
        if (error instanceof CompletionException && error.getCause() != null) {
            return error.getCause();
        }
        return error;
    }
}
