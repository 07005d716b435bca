package kata.map;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Applies a function to every element of a list on several threads: the seed's
 * {@code pool.submit(task, i)} and {@code future.result()}, for a whole list at once.
 *
 * <p>A small hand-made pool guarded by one monitor ({@code synchronized}, {@code wait},
 * {@code notifyAll}): workers take the next index, the caller waits until all are done or one failed.
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
        State state = new State(n);
        List<Thread> workers = new ArrayList<>();
        try {
            for (int w = 0; w < Math.min(parallelism, n); w++) {
                Thread thread = new Thread(() -> work(state, elements, function), "parallel-map-" + w);
                thread.start();
                workers.add(thread);
            }
            synchronized (state) {
                while (state.failure == null && state.completed < n) {
                    state.wait();
                }
                if (state.failure != null) {
                    throw new ElementFailedException(state.failedIndex, state.failure);
                }
                @SuppressWarnings("unchecked")
                List<R> list = (List<R>) new ArrayList<>(Arrays.asList(state.results));
                return list;
            }
        } finally {
            synchronized (state) {
                state.stopped = true;
            }
            for (Thread worker : workers) {
                worker.interrupt();
            }
            boolean interrupted = false;
            for (Thread worker : workers) {
                while (true) {
                    try {
                        worker.join();
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

    private static final class State {
        final Object[] results;
        int next;
        int completed;
        boolean stopped;
        int failedIndex = -1;
        Throwable failure;

        State(int n) {
            results = new Object[n];
        }
    }

    private static <T> void work(State state, List<T> elements, Function<? super T, ?> function) {
        while (true) {
            int index;
            synchronized (state) {
                if (state.stopped || state.next >= elements.size()) {
                    return;
                }
                index = state.next++;
            }
            // A pool thread is reused for many elements: do not let an interrupt that was meant for the
            // previous call leak into this element's call.
            Thread.interrupted();
            Object result;
            try {
                result = function.apply(elements.get(index));
            } catch (Throwable t) {
                synchronized (state) {
                    if (state.failure == null) {
                        state.failedIndex = index;
                        state.failure = t;
                    }
                    state.notifyAll();
                }
                continue; // the caller stops the map; this thread goes back for more work until then
            }
            synchronized (state) {
                state.results[index] = result;
                state.completed++;
                state.notifyAll();
            }
        }
    }
}
