package kata.map;

import java.util.List;
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
        throw new UnsupportedOperationException("ParallelMap.map(inputs, parallelism, function) is not written yet:"
                + " submit one task per element to a pool of `parallelism` threads, keep the futures in input order,"
                + " collect their results, and on the first failure cancel the rest and throw ElementFailedException.");
    }
}
