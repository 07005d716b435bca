package kata.map;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Function;

/**
 * Applies a function to every element of a list on several threads: the seed's
 * {@code pool.submit(task, i)} and {@code future.result()}, for a whole list at once.
 *
 * <p>Own worker threads pull indexes from an atomic cursor; each finished call releases one permit of
 * a semaphore, so the caller wakes once per finished call and checks whether the map failed.
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
        Objects.requireNonNull(inputs, "inputs");
        Objects.requireNonNull(function, "function");
        List<T> elements = new ArrayList<>(inputs);
        int n = elements.size();
        if (n == 0) {
            return new ArrayList<>();
        }

        AtomicInteger cursor = new AtomicInteger();
        AtomicReferenceArray<R> results = new AtomicReferenceArray<>(n);
        Semaphore finished = new Semaphore(0);
        AtomicBoolean failed = new AtomicBoolean();
        AtomicBoolean stopped = new AtomicBoolean();
        int[] failedIndex = new int[1];
        Throwable[] failure = new Throwable[1];

        Runnable worker = () -> {
            while (!stopped.get() && !failed.get()) {
                int index = cursor.getAndIncrement();
                if (index >= n) {
                    return;
                }
                try {
                    results.set(index, function.apply(elements.get(index)));
                } catch (Throwable t) {
                    if (failed.compareAndSet(false, true)) { // only the first failure is reported
                        failedIndex[0] = index;
                        failure[0] = t;
                    }
                    finished.release();
                    return;
                }
                finished.release();
            }
        };

        List<Thread> threads = new ArrayList<>();
        try {
            for (int w = 0; w < Math.min(parallelism, n); w++) {
                Thread thread = new Thread(worker, "parallel-map-" + w);
                thread.start();
                threads.add(thread);
            }
            for (int done = 0; done < n; done++) {
                finished.acquire();
                if (failed.get()) {
                    throw new ElementFailedException(failedIndex[0], failure[0]);
                }
            }
            List<R> list = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                list.add(results.get(i));
            }
            return list;
        } finally {
            stopped.set(true);
            for (Thread thread : threads) {
                thread.interrupt();
            }
            boolean interrupted = false;
            for (Thread thread : threads) {
                while (true) {
                    try {
                        thread.join();
                        break;
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
}
