package kata.worker;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one chore every check gives a worker. Its {@link #round()} only adds one to a plain field:
 * nothing in it stops the JIT from compiling the worker's loop tightly, so a plain stop flag is
 * hoisted out of that loop as it would be in real code. Every check uses this same class on
 * purpose: a second chore class at the worker's call site would change how the JIT compiles the
 * loop. What the checks need to hold or watch happens in {@link #begin()} and {@link #end()},
 * outside the loop, but for one cold check that holds the worker inside a round.
 */
final class TestChore implements Chore {

    static {
        // Before any check of this copy of the classes runs the student's code: see Jit.
        Jit.ignoreEarlierCopies();
    }

    /** Worker threads between their begin() and the return of their end(), of every chore. */
    private static final Set<Thread> UNFINISHED = ConcurrentHashMap.newKeySet();

    private final Hold beginHold;
    private final Hold endHold;
    /** The round in which {@link #roundHold} holds the worker; 0 for none. */
    private final long holdInRound;
    private final Hold roundHold;
    private final AtomicInteger begins = new AtomicInteger();
    private final AtomicInteger ends = new AtomicInteger();
    private final CountDownLatch ended = new CountDownLatch(1);
    private volatile Thread worker;
    private volatile Thread ender;
    /** Plain on purpose (see above); only the worker thread touches it. Checks read {@link #roundsAtEnd}. */
    private long rounds;
    private volatile long roundsAtEnd = -1;

    private TestChore(Hold beginHold, Hold endHold) {
        this(beginHold, endHold, 0, null);
    }

    private TestChore(Hold beginHold, Hold endHold, long holdInRound, Hold roundHold) {
        this.beginHold = beginHold;
        this.endHold = endHold;
        this.holdInRound = holdInRound;
        this.roundHold = roundHold;
    }

    /**
     * A chore whose round number {@code round} (counting from 1) waits at the hold until the check
     * lets it go. Only a cold check uses it: the branch never taken in the others costs the hot loop
     * one compare.
     */
    static TestChore heldInRound(long round, Hold hold) {
        return new TestChore(null, null, round, hold);
    }

    /** A chore that never holds the worker. */
    static TestChore free() {
        return new TestChore(null, null);
    }

    /** A chore whose begin() waits at the hold until the check lets it go. */
    static TestChore heldAtBegin(Hold hold) {
        return new TestChore(hold, null);
    }

    /** A chore whose begin() waits at one hold and whose end() waits at the other. */
    static TestChore heldAtBeginAndEnd(Hold beginHold, Hold endHold) {
        return new TestChore(beginHold, endHold);
    }

    /** A chore whose end() waits at the hold until the check lets it go. */
    static TestChore heldAtEnd(Hold hold) {
        return new TestChore(null, hold);
    }

    @Override
    public void begin() {
        begins.incrementAndGet();
        worker = Thread.currentThread();
        UNFINISHED.add(worker);
        if (Boss.isBossThread()) {
            throw new Boss.RanOnCaller();
        }
        if (beginHold != null) {
            beginHold.pass();
        }
    }

    @Override
    public void round() {
        rounds++;
        if (rounds == holdInRound) {
            roundHold.pass();
        }
    }

    @Override
    public void end() {
        ender = Thread.currentThread();
        ends.incrementAndGet();
        if (endHold != null) {
            endHold.pass();
        }
        roundsAtEnd = rounds;
        UNFINISHED.remove(Thread.currentThread());
        ended.countDown();
    }

    /**
     * The live threads that called some chore's begin() and have not returned from its end(). A
     * worker whose thread died without end() is dropped here, so that the set does not grow with
     * every check of a JVM.
     */
    static Set<Thread> unfinishedWorkers() {
        UNFINISHED.removeIf(thread -> !thread.isAlive());
        return Set.copyOf(UNFINISHED);
    }

    /** The thread that called begin(), or null before that. */
    Thread worker() {
        return worker;
    }

    /** The thread that called end(), or null before that. */
    Thread ender() {
        return ender;
    }

    int begins() {
        return begins.get();
    }

    /** How many times end() was entered so far. */
    int ends() {
        return ends.get();
    }

    /** True once end() has returned. */
    boolean hasEnded() {
        return ended.getCount() == 0;
    }

    /** The rounds done when end() was called; -1 before. */
    long roundsAtEnd() {
        return roundsAtEnd;
    }
}
