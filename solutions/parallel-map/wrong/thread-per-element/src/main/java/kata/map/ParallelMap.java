package kata.map;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * Wrong: starts a new thread for every element, all at once, and ignores the parallelism. A list of
 * a million elements would start a million threads; and on a failure it still waits for every
 * thread to finish.
 */
public final class ParallelMap {

    private ParallelMap() {
    }

    /** The first failure: which element, and what it threw. */
    private record Failure(int index, Throwable thrown) {
    }

    public static <T, R> List<R> map(List<T> inputs, int parallelism, Function<? super T, ? extends R> function)
            throws InterruptedException {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1, not " + parallelism);
        }
        Object[] results = new Object[inputs.size()];
        AtomicReference<Failure> failure = new AtomicReference<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            int index = i;
            Thread thread = new Thread(() -> {
                try {
                    results[index] = function.apply(inputs.get(index));
                } catch (RuntimeException | Error e) {
                    failure.compareAndSet(null, new Failure(index, e));
                }
            }, "element-" + i);
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        Failure first = failure.get();
        if (first != null) {
            throw new ElementFailedException(first.index(), first.thrown());
        }
        @SuppressWarnings("unchecked")
        List<R> list = (List<R>) Arrays.asList(results);
        return list;
    }
}
