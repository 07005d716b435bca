package kata.map;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Function;

/**
 * Applies a function to every element of a list on several threads: the seed's
 * {@code pool.submit(task, i)} and {@code future.result()}, for a whole list at once.
 */
public final class ParallelMap {

    private ParallelMap() {
    }

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
        int size = inputs.size();
        if (size == 0) {
            return new ArrayList<>();
        }
        AtomicReferenceArray<R> results = new AtomicReferenceArray<>(size);
        AtomicInteger remaining = new AtomicInteger(size);
        AtomicReference<Failure> first = new AtomicReference<>();
        Object lock = new Object();

        ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallelism, size));
        try {
            int index = 0;
            for (T input : inputs) {
                int i = index++;
                pool.execute(() -> {
                    try {
                        results.set(i, function.apply(input));
                        remaining.decrementAndGet();
                    } catch (Throwable t) {
                        first.compareAndSet(null, new Failure(i, t)); // only the first failure counts
                    }
                    synchronized (lock) {
                        lock.notifyAll();
                    }
                });
            }

            while (true) {
                Failure failure = first.get();
                if (failure != null) {
                    throw new ElementFailedException(failure.index, failure.cause);
                }
                if (remaining.get() == 0) {
                    break;
                }
                synchronized (lock) {
                    lock.wait();
                }
            }

            List<R> list = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                list.add(results.get(i));
            }
            return list;
        } finally {
            pool.shutdownNow();
            pool.awaitTermination(1, TimeUnit.MINUTES);
        }
    }
}
