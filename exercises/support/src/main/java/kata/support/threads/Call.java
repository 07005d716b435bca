package kata.support.threads;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import kata.support.PublicApi;
import kata.support.interleave.Controlled;

/**
 * A call made on a thread of its own, and how it ended: for checks that need a call to block while
 * they look at it ("a put on a full buffer waits"). Inside {@link Controlled#run} the thread is under
 * the scheduler: after {@link Controlled#settle()} a call has either ended or waits for something
 * only another thread (or time) can give it, and its duration is measured in the run's virtual time.
 *
 * @param <T> what the call returns
 */
@PublicApi
public final class Call<T> {

    /** The call's code. */
    @FunctionalInterface
    public interface Body<T> {
        T call() throws Exception;
    }

    /** A call that returns nothing. */
    @FunctionalInterface
    public interface VoidBody {
        void call() throws Exception;
    }

    private final Thread thread;
    private volatile boolean ended;
    private volatile T result;
    private volatile Throwable thrown;
    private volatile long startNanos;
    private volatile long endNanos;

    private Call(String name, Body<T> body) {
        thread = new Thread(() -> {
            startNanos = Controlled.nanoTime();
            try {
                result = body.call();
            } catch (Throwable failure) {
                thrown = failure;
            } finally {
                endNanos = Controlled.nanoTime();
                ended = true;
            }
        }, name);
        thread.setDaemon(true);
    }

    /** Starts a thread with this name that makes the call. */
    public static <T> Call<T> start(String name, Body<T> body) {
        Call<T> call = new Call<>(name, body);
        call.thread.start();
        return call;
    }

    /** Starts a thread with this name that makes a call returning nothing. */
    public static Call<Void> run(String name, VoidBody body) {
        return start(name, () -> {
            body.call();
            return null;
        });
    }

    /** Starts {@code count} calls on threads named {@code name-1 ... name-count} (just {@code name} for one). */
    public static <T> List<Call<T>> startAll(String name, int count, Body<T> body) {
        List<Call<T>> calls = new ArrayList<>(count);
        for (int i = 1; i <= count; i++) {
            calls.add(start(count == 1 ? name : name + "-" + i, body));
        }
        return List.copyOf(calls);
    }

    public String name() {
        return thread.getName();
    }

    public Thread thread() {
        return thread;
    }

    /** True once the call has returned or thrown. */
    public boolean ended() {
        return ended;
    }

    /** True once the call has returned normally. */
    public boolean returned() {
        return ended && thrown == null;
    }

    /** What the call returned (null until it returned). */
    public T result() {
        return result;
    }

    /** What the call threw, if it has. */
    public Optional<Throwable> thrown() {
        return Optional.ofNullable(thrown);
    }

    /**
     * Inside {@link Controlled#run}, from the test's thread: wakes this call's thread without a
     * notify ({@link Controlled#wakeSpuriously}) every {@code every} of virtual time while it waits,
     * until it ends or {@code until} has passed since it started. A timed wait that starts its whole
     * timeout again at each wake-up never runs out meanwhile. A thread that spins instead of waiting
     * is let spin (other checks judge that) and is not woken. Returns how many wake-ups it got.
     */
    public int wakeEvery(Duration every, Duration until) throws InterruptedException {
        int wakeUps = 0;
        Controlled.settleAllowingBusyWaits();
        long end = startNanos + until.toNanos();
        while (!ended && Controlled.nanoTime() + every.toNanos() <= end) {
            TimeUnit.NANOSECONDS.sleep(every.toNanos());
            Controlled.settleAllowingBusyWaits();
            if (!ended && Controlled.wakeSpuriously(thread)) {
                wakeUps++;
                Controlled.settleAllowingBusyWaits();
            }
        }
        return wakeUps;
    }

    /** When the call started on its thread, in {@link Controlled#nanoTime()} (0 until it has). */
    public long startNanos() {
        return startNanos;
    }

    /** When the call ended, in {@link Controlled#nanoTime()} (0 until it ends). */
    public long endNanos() {
        return endNanos;
    }

    /** How long the call took, once it ended (virtual time inside a controlled run). */
    public Duration took() {
        return Duration.ofNanos(endNanos - startNanos);
    }

    /** Waits at most {@code patience} (virtual time inside a controlled run) for the call to end. */
    public boolean awaitEnd(Duration patience) throws InterruptedException {
        TimeUnit.NANOSECONDS.timedJoin(thread, patience.toNanos());
        return ended;
    }

    public void interrupt() {
        thread.interrupt();
    }

    /** The thread's state (as the scheduler models it inside a controlled run). */
    public Thread.State state() {
        return thread.getState();
    }

    /** Where the call is now: the student's line on its thread's stack. */
    public String where() {
        return Deadlocks.where(thread.getStackTrace());
    }

    /** The calls among these that have ended, by name. */
    public static List<String> ended(List<? extends Call<?>> calls) {
        return calls.stream().filter(Call::ended).map(Call::name).toList();
    }

    /** The calls among these that have not ended, by name. */
    public static List<String> waiting(List<? extends Call<?>> calls) {
        return calls.stream().filter(call -> !call.ended()).map(Call::name).toList();
    }

    /** Interrupts the calls still running and waits a little for them: cleanup after a failed check. */
    public static void stop(List<? extends Call<?>> calls) throws InterruptedException {
        for (Call<?> call : calls) {
            if (!call.ended()) {
                call.interrupt();
            }
        }
        for (Call<?> call : calls) {
            call.awaitEnd(Duration.ofSeconds(1));
        }
    }

    @Override
    public String toString() {
        return "\"" + name() + "\"";
    }
}
