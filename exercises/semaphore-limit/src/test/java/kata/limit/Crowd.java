package kata.limit;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import kata.support.threads.Gate;

/**
 * Callers whose tasks wait at a gate the test holds closed: once every caller is inside or held,
 * the number inside is exactly how many tasks the limiter lets run at once, on any machine.
 */
final class Crowd implements AutoCloseable {

    private final Gate gate;
    private final Callers callers;
    private final int size;

    private Crowd(Gate gate, Callers callers, int size) {
        this.gate = gate;
        this.callers = callers;
        this.size = size;
    }

    /**
     * Starts {@code size} callers of {@code limiter.run} whose tasks wait at a closed gate, and waits
     * until each is inside, held or finished. If none got in because the calls threw, rethrows
     * what they threw (an unwritten method says so).
     */
    static Crowd gather(Limiter limiter, String name, int size) throws InterruptedException {
        Gate gate = Gate.closed();
        Callers callers = Callers.start(name, size, () -> limiter.run(gate::pass));
        callers.awaitSettled();
        Crowd crowd = new Crowd(gate, callers, size);
        if (gate.inside() == 0 && callers.firstThrown().isPresent()) {
            crowd.close();
            callers.rethrowFirst();
        }
        return crowd;
    }

    /** How many tasks {@code limiter} runs at once, measured with {@code size} callers. */
    static int atOnce(Limiter limiter, String name, int size) throws InterruptedException {
        try (Crowd crowd = gather(limiter, name, size)) {
            int inside = crowd.inside();
            crowd.release();
            return inside;
        }
    }

    /** Tasks inside the gate now: they hold permits. */
    int inside() {
        return gate.inside();
    }

    int size() {
        return size;
    }

    /** True when some caller did not get in: every permit is taken. */
    boolean full() {
        return gate.inside() < size;
    }

    /** The callers that finished while the gate was closed: they never waited for a permit. */
    List<String> finished() {
        return callers.finished();
    }

    Callers callers() {
        return callers;
    }

    /** Opens the gate and waits until every caller has finished. */
    void release() throws InterruptedException {
        gate.open();
        if (!callers.awaitFinished(Callers.PATIENCE)) {
            fail(LimiterFeedback.stillWaitingAfterRelease(size, Callers.PATIENCE, callers.describeAlive()));
        }
    }

    @Override
    public void close() throws InterruptedException {
        gate.open();
        callers.close();
    }
}
