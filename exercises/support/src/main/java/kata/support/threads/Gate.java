package kata.support.threads;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import kata.support.PublicApi;

/**
 * A gate that a test's own tasks pass through: it counts who is inside and holds them there until
 * the test opens it. With tasks held inside, bounds and required concurrency are exact on any
 * machine: an unbounded pool lets every task in, a serial one only one, a pool of N exactly N.
 *
 * <pre>{@code
 * Gate gate = Gate.closed();
 * for (int i = 0; i < 10; i++) pool.submit(gate::pass);
 * await().until(() -> gate.inside() == 3 && submittersWaiting());
 * assertEquals(3, gate.peak());
 * gate.open();
 * }</pre>
 */
@PublicApi
public final class Gate {

    private static final Duration LONGEST_HOLD = Duration.ofSeconds(60);

    private final CountDownLatch opened = new CountDownLatch(1);
    private final AtomicInteger inside = new AtomicInteger();
    private final AtomicInteger peak = new AtomicInteger();
    private final AtomicInteger entered = new AtomicInteger();
    private final Set<Thread> threadsInside = ConcurrentHashMap.newKeySet();

    private Gate() {
    }

    public static Gate closed() {
        return new Gate();
    }

    /**
     * Called by a task: enters, waits until the test opens the gate, leaves. Never waits forever:
     * after a minute it gives up with an error (the test forgot to open it).
     */
    public void pass() {
        // Recorded before counted and uncounted before removed: whoever sees inside() == n also
        // finds at least n threads in threadsInside().
        threadsInside.add(Thread.currentThread());
        int now = inside.incrementAndGet();
        peak.accumulateAndGet(now, Math::max);
        entered.incrementAndGet();
        try {
            if (!opened.await(LONGEST_HOLD.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("the test never opened the gate");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while held at the gate", e);
        } finally {
            inside.decrementAndGet();
            threadsInside.remove(Thread.currentThread());
        }
    }

    /** Lets everyone inside, and everyone who comes later, through. */
    public void open() {
        opened.countDown();
    }

    /** How many tasks are inside right now. */
    public int inside() {
        return inside.get();
    }

    /** The most tasks that were ever inside at once. */
    public int peak() {
        return peak.get();
    }

    /** How many tasks have entered so far. */
    public int entered() {
        return entered.get();
    }

    /** The threads inside right now. */
    public Set<Thread> threadsInside() {
        return Set.copyOf(threadsInside);
    }
}
