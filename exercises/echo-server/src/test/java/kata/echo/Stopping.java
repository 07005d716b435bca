package kata.echo;

import java.util.Optional;
import kata.support.threads.Deadlocks;

/** A call of {@code stop()} on a thread of its own, so that a stop() that never returns fails the check instead of hanging it. */
final class Stopping {

    private final Thread thread;
    private volatile boolean ended;
    private volatile Throwable thrown;

    Stopping(EchoServer server) {
        thread = new Thread(() -> {
            try {
                server.stop();
            } catch (Throwable failure) {
                thrown = failure;
            } finally {
                ended = true;
            }
        }, "test-stopper");
        thread.setDaemon(true);
    }

    /** Starts a thread that calls stop() (for checks without a {@link StopGate}). */
    static Stopping start(EchoServer server) {
        Stopping stopping = new Stopping(server);
        stopping.thread.start();
        return stopping;
    }

    Thread thread() {
        return thread;
    }

    /** Waits until stop() has returned or thrown, or the deadline passed; true when it ended. */
    boolean awaitEnd(Deadline deadline) throws InterruptedException {
        thread.join(Math.max(1, deadline.remaining().toMillis()));
        return ended;
    }

    boolean ended() {
        return ended;
    }

    Optional<Throwable> thrown() {
        return Optional.ofNullable(thrown);
    }

    /** Where the stopping thread is now (the student's line), for a stop() that does not return. */
    String where() {
        return Deadlocks.where(thread.getStackTrace());
    }
}
