package kata.map;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

public final class ParallelMap {

    private ParallelMap() {
    }

    private static final class FirstFailure {
        final int index;
        final Throwable cause;

        FirstFailure(int index, Throwable cause) {
            this.index = index;
            this.cause = cause;
        }
    }

    public static <T, R> List<R> map(List<T> inputs, int parallelism, Function<? super T, ? extends R> function)
            throws InterruptedException {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1");
        }
        List<T> in = new ArrayList<>(inputs);
        int n = in.size();
        if (n == 0) {
            return new ArrayList<>();
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallelism, n));
        AtomicReference<FirstFailure> first = new AtomicReference<>();
        CompletableFuture<Void> failed = new CompletableFuture<>();
        try {
            List<CompletableFuture<R>> futures = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                final int index = i;
                final T input = in.get(i);
                CompletableFuture<R> cf = CompletableFuture.supplyAsync(() -> {
                    try {
                        return function.apply(input);
                    } catch (Throwable t) {
                        if (first.compareAndSet(null, new FirstFailure(index, t))) {
                            failed.complete(null);
                        }
                        throw t;
                    }
                }, pool);
                futures.add(cf);
            }
            CompletableFuture<Void> all = CompletableFuture.allOf(futures.toArray(new CompletableFuture<?>[0]));
            try {
                CompletableFuture.anyOf(all, failed).get();
            } catch (ExecutionException e) {
                // a call failed: the first failure is recorded in `first`
            }
            FirstFailure f = first.get();
            if (f != null) {
                throw new ElementFailedException(f.index, f.cause);
            }
            List<R> results = new ArrayList<>(n);
            for (CompletableFuture<R> cf : futures) {
                results.add(cf.join());
            }
            return results;
        } finally {
            pool.shutdownNow();
            pool.awaitTermination(Long.MAX_VALUE, TimeUnit.DAYS);
        }
    }
}
