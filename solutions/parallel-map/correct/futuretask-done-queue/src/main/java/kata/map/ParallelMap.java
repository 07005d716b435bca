package kata.map;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.FutureTask;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

public final class ParallelMap {

    private ParallelMap() {
    }

    /** A call that knows its element's index and reports itself when it completes. */
    private static final class Call<R> extends FutureTask<R> {
        final int index;
        private final BlockingQueue<Call<R>> completed;

        Call(int index, Callable<R> callable, BlockingQueue<Call<R>> completed) {
            super(callable);
            this.index = index;
            this.completed = completed;
        }

        @Override
        protected void done() {
            completed.add(this);
        }
    }

    public static <T, R> List<R> map(List<T> inputs, int parallelism, Function<? super T, ? extends R> function)
            throws InterruptedException {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1");
        }
        int n = inputs.size();
        if (n == 0) {
            return new ArrayList<>();
        }
        BlockingQueue<Call<R>> completed = new LinkedBlockingQueue<>();
        List<Call<R>> calls = new ArrayList<>(n);
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallelism, n));
        try {
            int index = 0;
            for (T input : inputs) {
                Call<R> call = new Call<>(index++, () -> function.apply(input), completed);
                calls.add(call);
                pool.execute(call);
            }
            for (int k = 0; k < n; k++) {
                Call<R> call = completed.take();
                try {
                    call.get();
                } catch (ExecutionException e) {
                    throw new ElementFailedException(call.index, e.getCause());
                }
            }
            List<R> results = new ArrayList<>(n);
            for (Call<R> call : calls) {
                try {
                    results.add(call.get());
                } catch (ExecutionException e) {
                    throw new AssertionError(e);
                }
            }
            return results;
        } finally {
            pool.shutdownNow();
            pool.awaitTermination(Long.MAX_VALUE, TimeUnit.NANOSECONDS);
        }
    }
}
