package kata.map;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Wrong: maps the elements one after another on the caller's thread. The results are right, but
 * nothing runs in parallel, and a slow element holds up every later one.
 */
public final class ParallelMap {

    private ParallelMap() {
    }

    public static <T, R> List<R> map(List<T> inputs, int parallelism, Function<? super T, ? extends R> function)
            throws InterruptedException {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1, not " + parallelism);
        }
        List<R> results = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            try {
                results.add(function.apply(inputs.get(i)));
            } catch (RuntimeException | Error e) {
                throw new ElementFailedException(i, e);
            }
        }
        return results;
    }
}
