package kata.map;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

public final class ParallelMap {

    private ParallelMap() {
    }

    public static <T, R> List<R> map(List<T> inputs, int parallelism, Function<? super T, ? extends R> function)
            throws InterruptedException {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1");
        }
        List<T> in = new ArrayList<>(inputs);
        if (in.isEmpty()) {
            return new ArrayList<>();
        }
        // a parallel stream run inside our own pool uses that pool's parallelism, not the common pool's
        ForkJoinPool pool = new ForkJoinPool(parallelism);
        try {
            List<R> results = pool.submit(() -> IntStream.range(0, in.size())
                    .parallel()
                    .mapToObj(i -> {
                        try {
                            return (R) function.apply(in.get(i));
                        } catch (Throwable t) {
                            throw new ElementFailedException(i, t);
                        }
                    })
                    .collect(Collectors.toList())).get();
            return new ArrayList<>(results);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            while (cause != null && !(cause instanceof ElementFailedException)) {
                cause = cause.getCause();
            }
            if (cause != null) {
                ElementFailedException failed = (ElementFailedException) cause;
                throw new ElementFailedException(failed.index(), failed.getCause());
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
            pool.awaitTermination(Long.MAX_VALUE, TimeUnit.NANOSECONDS);
        }
    }
}
