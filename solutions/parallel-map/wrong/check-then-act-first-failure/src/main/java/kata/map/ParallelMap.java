package kata.map;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Function;

/**
 * Applies a function to every element of a list on several threads: the seed's
 * {@code pool.submit(task, i)} and {@code future.result()}, for a whole list at once.
 *
 * <p>A hand-made completion service: every task writes its result into its slot and then puts its
 * index into a queue, so the caller sees the calls in the order they finish.
 */
public final class ParallelMap {

    private ParallelMap() {
    }

    /** What the failing call left for the caller. */
    private static final class Failure {
        volatile int index = -1;
        volatile Throwable cause;
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
        Objects.requireNonNull(inputs, "inputs");
        Objects.requireNonNull(function, "function");
        List<T> elements = new ArrayList<>(inputs);
        int n = elements.size();
        if (n == 0) {
            return new ArrayList<>();
        }

        AtomicReferenceArray<R> results = new AtomicReferenceArray<>(n);
        BlockingQueue<Integer> finished = new LinkedBlockingQueue<>();
        Failure failure = new Failure();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallelism, n));
        try {
            for (int i = 0; i < n; i++) {
                int index = i;
                T element = elements.get(i);
                pool.execute(() -> {
                    try {
                        results.set(index, function.apply(element));
                    } catch (Throwable t) {
                        if (failure.cause == null) { // keep the first failure only
                            failure.index = index;
                            failure.cause = t;
                        }
                    } finally {
                        finished.add(index);
                    }
                });
            }
            for (int done = 0; done < n; done++) {
                finished.take();
                Throwable cause = failure.cause;
                if (cause != null) {
                    throw new ElementFailedException(failure.index, cause);
                }
            }
            List<R> list = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                list.add(results.get(i));
            }
            return list;
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
}
