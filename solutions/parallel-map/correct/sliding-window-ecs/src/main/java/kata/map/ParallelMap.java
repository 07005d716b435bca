package kata.map;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

public final class ParallelMap {

    private ParallelMap() {
    }

    private static final class CallFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int index;

        CallFailed(int index, Throwable cause) {
            super(cause);
            this.index = index;
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
        int window = Math.min(parallelism, n);
        Object[] slots = new Object[n];
        ExecutorService pool = Executors.newFixedThreadPool(window);
        try {
            CompletionService<Integer> completion = new ExecutorCompletionService<>(pool);
            int submitted = 0;
            while (submitted < window) {
                submit(completion, in, function, slots, submitted++);
            }
            for (int done = 0; done < n; done++) {
                Future<Integer> f = completion.take();
                try {
                    f.get();
                } catch (ExecutionException e) {
                    CallFailed failed = (CallFailed) e.getCause();
                    throw new ElementFailedException(failed.index, failed.getCause());
                }
                if (submitted < n) {
                    submit(completion, in, function, slots, submitted++);
                }
            }
            List<R> results = new ArrayList<>(n);
            for (Object o : slots) {
                @SuppressWarnings("unchecked")
                R r = (R) o;
                results.add(r);
            }
            return results;
        } finally {
            pool.shutdownNow();
            pool.awaitTermination(Long.MAX_VALUE, TimeUnit.NANOSECONDS);
        }
    }

    private static <T, R> void submit(CompletionService<Integer> completion, List<T> in,
            Function<? super T, ? extends R> function, Object[] slots, int index) {
        T input = in.get(index);
        completion.submit(() -> {
            try {
                slots[index] = function.apply(input);
            } catch (Throwable t) {
                throw new CallFailed(index, t);
            }
            return index;
        });
    }
}
