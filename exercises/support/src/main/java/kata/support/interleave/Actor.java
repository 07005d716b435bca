package kata.support.interleave;

/**
 * One thread under the scheduler's control, with the scheduler's view of it. Fields are guarded by
 * the run's lock unless they are volatile; the thread's own bookkeeping ({@code reentry},
 * {@code unpausable}) is only touched by the thread itself.
 */
final class Actor {

    final Run run;
    final int index;
    final Thread thread;
    final String name;
    /** The baton is handed over through this object's monitor (or through a waited-on monitor). */
    final Object signal = new Object();

    /** What the actor waits for; null while it may run. */
    volatile Wait wait;
    /** True once the thread runs under control (adopted, or passed the start of its run()). */
    volatile boolean begun;
    /** True once the thread has ended (its run() returned) or left the run. */
    volatile boolean done;
    /** A thread whose end the run waits for: a scenario's thread, or the test's. */
    boolean root;
    /** LockSupport's permit, as modelled. */
    boolean permit;
    /** An interrupt arrived while the actor waited interruptibly. */
    boolean interruptPending;
    /** Our own baton wait swallowed a real interrupt: it is restored before the actor goes on. */
    boolean interruptSwallowed;
    /** Inside a hook: the scheduler's own code does not schedule itself. */
    int reentry;
    /**
     * Inside a static initializer or a JDK monitor that calls back into student code
     * ({@code ConcurrentHashMap.computeIfAbsent}): no pause there, or other threads would block in
     * the JVM on a lock the model does not see.
     */
    int unpausable;
    /** Times the actor yielded or spun without waiting since it last blocked: it busy-waits. */
    int spins;
    /** Scheduling points passed since the actor last got the baton. */
    int turnPoints;
    /** Scheduling points passed in this run. */
    long points;
    /** What the actor's task threw (scenario threads), or null. */
    volatile Throwable failure;
    /** Set while the thread waits inside a real {@code monitor.wait()} for the baton. */
    volatile Object inRealWaitOn;

    Actor(Run run, int index, Thread thread, String name) {
        this.run = run;
        this.index = index;
        this.thread = thread;
        this.name = name;
    }

    /** May the scheduler pause this actor here? Not inside a class initializer. */
    boolean pausable() {
        return unpausable == 0;
    }

    @Override
    public String toString() {
        return "\"" + name + "\"";
    }
}
