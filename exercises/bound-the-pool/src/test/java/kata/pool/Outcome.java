package kata.pool;

import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * How a call ended, seen within {@link Eventually#MUST_COME}: it returned a value, threw, or had not
 * finished by then.
 *
 * @param finished whether the call ended in time
 * @param value    what it returned (null if it threw or had not finished)
 * @param thrown   what it threw: for a future, the task's exception (not the ExecutionException)
 */
record Outcome<T>(boolean finished, T value, Throwable thrown) {

    static <T> Outcome<T> returned(T value) {
        return new Outcome<>(true, value, null);
    }

    static <T> Outcome<T> threw(Throwable thrown) {
        return new Outcome<>(true, null, thrown);
    }

    static <T> Outcome<T> unfinished() {
        return new Outcome<>(false, null, null);
    }

    /** What the future holds, waiting for it at most {@link Eventually#MUST_COME}. */
    static <T> Outcome<T> of(Future<T> future) {
        try {
            return returned(future.get(Eventually.MUST_COME.toMillis(), TimeUnit.MILLISECONDS));
        } catch (ExecutionException e) {
            return threw(e.getCause());
        } catch (CancellationException e) {
            return threw(e);
        } catch (TimeoutException e) {
            return unfinished();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the check was interrupted", e);
        }
    }

    boolean returnedNormally() {
        return finished && thrown == null;
    }

    /** For messages: "returned 42", "threw IOException: disk on fire", "had not finished". */
    String describe() {
        if (!finished) {
            return "had not finished after " + Eventually.MUST_COME.toSeconds() + " s";
        }
        if (thrown != null) {
            return "threw " + thrown.getClass().getSimpleName()
                    + (thrown.getMessage() == null ? "" : ": " + thrown.getMessage());
        }
        return "returned " + value;
    }
}
