package kata.map;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

public final class ParallelMap {

    private ParallelMap() {
    }

    /** What a task throws: the index of its element and what the function threw. */
    private static final class IndexedFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int index;

        IndexedFailure(int index, Throwable cause) {
            super("element " + index, cause, false, false);
            this.index = index;
        }
    }

    public static <T, R> List<R> map(List<T> inputs, int parallelism, Function<? super T, ? extends R> function)
            throws InterruptedException {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism < 1: " + parallelism);
        }
        List<T> in = new ArrayList<>(inputs);
        int n = in.size();
        if (n == 0) {
            return new ArrayList<>();
        }
        Object[] slots = new Object[n];
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallelism, n));
        try {
            CompletionService<Integer> completion = new ExecutorCompletionService<>(pool);
            for (int i = 0; i < n; i++) {
                final int index = i;
                final T input = in.get(i);
                completion.submit(() -> {
                    try {
                        slots[index] = function.apply(input);
                    } catch (Throwable t) {
                        throw new IndexedFailure(index, t);
                    }
                    return index;
                });
            }
            for (int k = 0; k < n; k++) {
                try {
                    completion.take().get();
                } catch (ExecutionException e) {
                    IndexedFailure failure = (IndexedFailure) e.getCause();
                    throw new ElementFailedException(failure.index, failure.getCause());
                }
            }
            List<R> results = new ArrayList<>(n);
            for (Object slot : slots) {
                @SuppressWarnings("unchecked")
                R r = (R) slot;
                results.add(r);
            }
            return results;
        } finally {
            shutdownAndWait(pool);
        }
    }

    private static void shutdownAndWait(ExecutorService pool) {
        pool.shutdownNow();
        boolean interrupted = false;
        while (true) {
            try {
                if (pool.awaitTermination(1, TimeUnit.MINUTES)) {
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
