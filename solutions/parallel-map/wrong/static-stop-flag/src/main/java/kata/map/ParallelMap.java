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

    /** Set when a call failed or the caller gave up: the workers take no new element. */
    private static volatile boolean cancelled;

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
        int n = inputs.size();
        if (n == 0) {
            return new ArrayList<>();
        }
        cancelled = false;
        AtomicInteger next = new AtomicInteger();
        AtomicReferenceArray<R> results = new AtomicReferenceArray<>(n);
        AtomicReference<ElementFailedException> failure = new AtomicReference<>();
        AtomicInteger unfinished = new AtomicInteger(n);
        CountDownLatch over = new CountDownLatch(1); // opened by the last success or the first failure

        Runnable worker = () -> {
            while (!cancelled) {
                int i = next.getAndIncrement();
                if (i >= n) {
                    return;
                }
                try {
                    results.set(i, function.apply(inputs.get(i)));
                } catch (Throwable t) {
                    if (failure.compareAndSet(null, new ElementFailedException(i, t))) {
                        cancelled = true;
                        over.countDown();
                    }
                    return;
                }
                if (unfinished.decrementAndGet() == 0) {
                    over.countDown();
                }
            }
        };

        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < Math.min(parallelism, n); t++) {
            Thread thread = new Thread(worker, "parallel-map-worker-" + t);
            threads.add(thread);
            thread.start();
        }
        try {
            over.await();
        } catch (InterruptedException e) {
            cancelled = true;
            stopAll(threads);
            throw e;
        }
        ElementFailedException first = failure.get();
        if (first != null) {
            stopAll(threads);
            throw first;
        }
        joinAll(threads);
        List<R> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            list.add(results.get(i));
        }
        return list;
    }

    private static void stopAll(List<Thread> threads) {
        for (Thread thread : threads) {
            thread.interrupt();
        }
        joinAll(threads);
    }

    private static void joinAll(List<Thread> threads) {
        boolean interrupted = false;
        for (Thread thread : threads) {
            boolean joined = false;
            while (!joined) {
                try {
                    thread.join();
                    joined = true;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
