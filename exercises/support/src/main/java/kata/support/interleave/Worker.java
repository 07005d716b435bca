package kata.support.interleave;

/** One thread of a controlled execution, with the scheduler's view of it. */
final class Worker {

    enum State { READY, RUNNING, BLOCKED, DONE }

    final int index;
    final String name;
    Thread thread;
    volatile State state = State.READY;
    /** True while the thread is inside the scheduler, where waiting is the scheduler's own doing. */
    volatile boolean inScheduler;
    /** Scheduling points passed since this worker last got the baton. */
    volatile int pointsThisTurn;
    /** Scheduling points passed in this execution; the controller uses it to see progress. */
    volatile long points;
    volatile Throwable failure;
    /** The monitor this worker waits for in the scheduler (modelled, not in the JVM), or null. */
    volatile Object wantsMonitor;
    /** Where it wants it. */
    volatile int wantsSite;
    /** True between a call that may block (a lock, a wait, a queue) and its return. */
    volatile boolean mayBlock;

    Worker(int index, String name) {
        this.index = index;
        this.name = name;
    }
}
