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
 * <p>This version starts its own worker threads (no executor) and deals the elements out to them like
 * cards: worker k maps elements k, k + n, k + 2n... All the shared state of one map lives in a
 * {@link Job} and is guarded by one private monitor: the workers record results and the first
 * failure in it, and the caller waits on it with {@code wait}/{@code notifyAll}.
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
        Object[] elements = inputs.toArray();
        if (elements.length == 0) {
            return new ArrayList<>();
        }

        Job<R> job = new Job<>(elements, function);
        int workerCount = Math.min(parallelism, elements.length);
        List<Thread> workers = new ArrayList<>(workerCount);
        boolean succeeded = false;
        try {
            for (int k = 0; k < workerCount; k++) {
                int first = k;
                int stride = workerCount;
                Thread worker = new Thread(() -> job.work(first, stride), "parallel-map-worker-" + k);
                workers.add(worker);
                worker.start();
            }
            succeeded = job.awaitOutcome();
        } finally {
            if (!succeeded) {
                // a failure, the caller's interruption, or anything unexpected: no new call starts,
                // the running ones are interrupted
                job.stop();
                for (Thread worker : workers) {
                    worker.interrupt();
                }
            }
            boolean interruptedWhileJoining = joinAll(workers);
            if (interruptedWhileJoining) {
                if (succeeded) {
                    throw new InterruptedException("interrupted while the workers were ending");
                }
                Thread.currentThread().interrupt();
            }
        }
        if (!succeeded) {
            // awaitOutcome returned false: a call failed first
            throw new ElementFailedException(job.failedIndex(), job.failure());
        }
        return job.results();
    }

    /** Waits until every worker has ended, even if interrupted meanwhile; tells whether it was. */
    private static boolean joinAll(List<Thread> workers) {
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
        return interrupted;
    }

    /** The state of one map, guarded by {@code lock}. */
    private static final class Job<R> {

        private final Object lock = new Object();
        private final Object[] elements;
        private final Function<Object, ? extends R> function;
        private final Object[] results;

        private int remaining;
        private boolean stopped;
        private Throwable failure;
        private int failedIndex = -1;

        @SuppressWarnings("unchecked")
        Job(Object[] elements, Function<?, ? extends R> function) {
            this.elements = elements;
            this.function = (Function<Object, ? extends R>) function;
            this.results = new Object[elements.length];
            this.remaining = elements.length;
        }

        /**
         * The body of worker {@code first}: its share of the elements is {@code first}, {@code first +
         * stride}, {@code first + 2 * stride}... so the workers never compete for an index, and it
         * stops early when the map is stopped.
         */
        void work(int first, int stride) {
            for (int index = first; index < elements.length; index += stride) {
                synchronized (lock) {
                    if (stopped) {
                        return;
                    }
                }
                R result;
                try {
                    result = function.apply(elements[index]);
                } catch (Throwable t) {
                    synchronized (lock) {
                        if (!stopped) {
                            // the first failure in time: record it and stop every other worker
                            stopped = true;
                            failure = t;
                            failedIndex = index;
                            lock.notifyAll();
                        }
                    }
                    return;
                }
                synchronized (lock) {
                    results[index] = result;
                    remaining--;
                    if (remaining == 0) {
                        lock.notifyAll();
                    }
                }
            }
        }

        /**
         * Waits until every call has returned (true) or one failed (false).
         *
         * @throws InterruptedException if the caller is interrupted while it waits
         */
        boolean awaitOutcome() throws InterruptedException {
            synchronized (lock) {
                while (remaining > 0 && failure == null) {
                    lock.wait();
                }
                return failure == null;
            }
        }

        void stop() {
            synchronized (lock) {
                stopped = true;
            }
        }

        Throwable failure() {
            synchronized (lock) {
                return failure;
            }
        }

        int failedIndex() {
            synchronized (lock) {
                return failedIndex;
            }
        }

        @SuppressWarnings("unchecked")
        List<R> results() {
            synchronized (lock) {
                return new ArrayList<>((List<R>) Arrays.asList(results));
            }
        }
    }
}
