package kata.map;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import kata.support.threads.Deadlocks;
import kata.support.threads.Threads;

/**
 * One call of {@link ParallelMap#map} in a thread of the test (the caller), so that the test can
 * watch it while the elements are held: whether it returned, what it returned or threw, and
 * whether the caller is waiting.
 */
final class MapCall {

    /** What the call ended with: the result list, or what it threw. */
    private record Ending(List<?> result, Throwable thrown) {
    }

    private final Thread caller;
    private final AtomicReference<Ending> ending = new AtomicReference<>();

    private MapCall(Thread caller) {
        this.caller = caller;
    }

    static <T, R> MapCall start(List<T> inputs, int parallelism, Function<? super T, ? extends R> function) {
        AtomicReference<MapCall> self = new AtomicReference<>();
        Thread caller = new Thread(() -> {
            try {
                self.get().ending.set(new Ending(ParallelMap.map(inputs, parallelism, function), null));
            } catch (Throwable thrown) {
                self.get().ending.set(new Ending(null, thrown));
            }
        }, "map caller");
        caller.setDaemon(true);
        self.set(new MapCall(caller));
        caller.start();
        return self.get();
    }

    Thread thread() {
        return caller;
    }

    /** True once map returned or threw. */
    boolean done() {
        return ending.get() != null;
    }

    /** Waits until map has returned or thrown; false if it had not after {@link Eventually#MUST_COME}. */
    boolean ends() {
        return Eventually.holds(this::done);
    }

    boolean returned() {
        return done() && ending.get().thrown() == null;
    }

    List<?> result() {
        return done() ? ending.get().result() : null;
    }

    Throwable thrown() {
        return done() ? ending.get().thrown() : null;
    }

    /** True while the caller is blocked or waiting (inside map, waiting for results). */
    boolean waiting() {
        return !done() && Threads.isWaiting(caller);
    }

    /** For messages: "returned [..]", "threw X: ...", or where the caller is. */
    String describe() {
        if (!done()) {
            return "had not returned after " + Eventually.MUST_COME.toSeconds() + " s (the caller is "
                    + (Threads.isWaiting(caller) ? "waiting" : "running") + " at "
                    + Deadlocks.where(caller.getStackTrace()) + ")";
        }
        Throwable thrown = thrown();
        return thrown == null ? "returned " + result() : "threw " + MapFeedback.describe(thrown);
    }
}
