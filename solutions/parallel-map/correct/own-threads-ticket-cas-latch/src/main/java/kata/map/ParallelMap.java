package kata.map;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
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

    /** The first failure: index and cause are published together, in one compare-and-set. */
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
        final int n = inputs.size();
        if (n == 0) {
            return new ArrayList<>();
        }

        // Tickets: a worker takes element i with getAndIncrement; once the counter is at n or beyond,
        // no element can be taken any more, so "stop" is simply pushing the counter to n.
        AtomicInteger next = new AtomicInteger();
        AtomicInteger remaining = new AtomicInteger(n);
        AtomicReferenceArray<R> results = new AtomicReferenceArray<>(n);
        AtomicReference<Failure> firstFailure = new AtomicReference<>();
        CountDownLatch over = new CountDownLatch(1);

        Runnable worker = () -> {
            for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
                R result;
                try {
                    result = function.apply(inputs.get(i));
                } catch (Throwable t) {
                    if (firstFailure.compareAndSet(null, new Failure(i, t))) {
                        next.set(n);
                        over.countDown();
                    }
                    return;
                }
                results.set(i, result);
                if (remaining.decrementAndGet() == 0) {
                    over.countDown();
                }
            }
        };

        List<Thread> threads = new ArrayList<>();
        boolean success = false;
        try {
            for (int w = Math.min(parallelism, n); w > 0; w--) {
                Thread thread = new Thread(worker, "parallel-map-worker");
                threads.add(thread);
                thread.start();
            }
            over.await();
            Failure failure = firstFailure.get();
            if (failure != null) {
                throw new ElementFailedException(failure.index, failure.cause);
            }
            List<R> list = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                list.add(results.get(i));
            }
            success = true;
            return list;
        } finally {
            if (!success) {
                next.set(n);
                for (Thread thread : threads) {
                    thread.interrupt();
                }
            }
            for (Thread thread : threads) {
                thread.join();
            }
        }
    }
}
