package kata.map;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

// The similarity test's planted copy of the reference ParallelMap: every name changed, the
// methods in another order, the comments gone.
public final class ParallelMap {

    private static <V> V valueOf(Future<V> done) throws InterruptedException {
        try {
            return done.get();
        } catch (ExecutionException failure) {
            throw new IllegalStateException("missed a failure", failure);
        }
    }

    public static <A, B> List<B> map(List<A> items, int threads, Function<? super A, ? extends B> f)
            throws InterruptedException {
        if (threads < 1) {
            throw new IllegalArgumentException("need one thread at least, got " + threads);
        }
        Objects.requireNonNull(f, "f");
        if (items.isEmpty()) {
            return List.of();
        }
        ExecutorService executor = Executors.newFixedThreadPool(Math.min(threads, items.size()));
        try {
            CompletionService<B> completed = new ExecutorCompletionService<>(executor);
            List<Future<B>> pending = new ArrayList<>();
            Map<Future<B>, Integer> positions = new IdentityHashMap<>();
            for (int k = 0; k < items.size(); k++) {
                A item = items.get(k);
                Future<B> job = completed.submit(() -> f.apply(item));
                pending.add(job);
                positions.put(job, k);
            }
            for (int k = 0; k < pending.size(); k++) {
                Future<B> first = completed.take();
                try {
                    first.get();
                } catch (ExecutionException failure) {
                    throw new ElementFailedException(positions.get(first), failure.getCause());
                }
            }
            List<B> out = new ArrayList<>();
            for (Future<B> job : pending) {
                out.add(valueOf(job));
            }
            return out;
        } finally {
            executor.shutdownNow();
            executor.awaitTermination(Long.MAX_VALUE, TimeUnit.NANOSECONDS);
        }
    }

    private ParallelMap() {
    }
}
