package kata.support.interleave;

import java.time.Duration;
import kata.support.agent.StudentCode;

/** Why a run failed, in words for a student. */
record Failure(Kind kind, String headline, String details, Throwable cause) {

    enum Kind { THREW, DEADLOCK, STUCK, HANG, LIVELOCK, WAITED, CHECK, UNSETTLED, RACE, UNCONTROLLED }

    static Failure threw(String worker, Throwable thrown) {
        StackTraceElement frame = StudentCode.firstStudentFrame(thrown.getStackTrace());
        String where = frame == null ? "" : " at " + StudentCode.location(frame);
        String message = thrown.getMessage() == null ? "" : ": " + thrown.getMessage();
        return new Failure(Kind.THREW, "Thread \"" + worker + "\" threw "
                + thrown.getClass().getSimpleName() + where + message, "", thrown);
    }

    static Failure deadlock(String cycle) {
        return new Failure(Kind.DEADLOCK,
                "Deadlock: these threads wait for each other and none can ever continue.",
                cycle + "\nEach thread holds a lock the next one needs: a cycle. Take the locks in one global"
                        + " order (the same order in every thread), or give up a lock you hold when the next"
                        + " one is not free (tryLock, then back off).",
                null);
    }

    static Failure stuck(String threads) {
        return new Failure(Kind.STUCK,
                "No thread can continue: every thread is waiting and none of them can wake the others.",
                threads, null);
    }

    static Failure hang(Duration limit, String threads) {
        return new Failure(Kind.HANG, "A thread ran for " + limit.toSeconds()
                + " s without reaching any point the scheduler controls (a loop that touches no shared"
                + " state, or a wait the scheduler cannot see).", threads, null);
    }

    static Failure livelock(String worker, long steps, String threads) {
        return new Failure(Kind.LIVELOCK, "The threads took more than " + steps
                + " steps without finishing: \"" + worker + "\" seems to loop forever.", threads, null);
    }

    static Failure neverSettled(long steps, String running) {
        return new Failure(Kind.UNSETTLED, "While the test waited for the other threads to get as far as they"
                + " can, they kept running for " + steps + " steps without waiting: a busy wait (a loop that"
                + " checks again and again instead of blocking until another thread wakes it).", running, null);
    }

    static Failure waited(String worker, String how, String where, String reason) {
        return new Failure(Kind.WAITED, "Thread \"" + worker + "\" " + how + ", but " + reason + ".",
                where, null);
    }

    static Failure race(String field, String first, String second) {
        return new Failure(Kind.RACE, "Data race on " + field + ": " + first + " and " + second
                + ", and nothing orders the two accesses.",
                "No lock is held by both (in turn), the field is not volatile, and no other synchronization"
                        + " (an atomic, a java.util.concurrent lock, a start or join) comes between them. The"
                        + " reading thread may see an old value, or never see the new one: the JIT may keep the"
                        + " field in a register. Read it under the same lock that its writers take, or make it"
                        + " volatile (or an atomic).", null);
    }

    static Failure collectionRace(String collection, String first, String second) {
        String a = "AEIOU".indexOf(collection.charAt(0)) >= 0 ? "an " : "a ";
        return new Failure(Kind.RACE, "Data race on " + a + collection + ": " + first + " and " + second
                + ", and nothing orders the two calls.",
                "The " + collection + " is not thread-safe: when one thread changes it while another thread uses"
                        + " it, entries can be lost or the collection corrupted, in orders of the threads' steps"
                        + " that no test run has to show. Call it only while holding a lock that every thread"
                        + " using it takes, use a thread-safe collection (ConcurrentHashMap, a BlockingQueue,"
                        + " Collections.synchronizedList), or give each thread places of its own (an array"
                        + " element per input) and read them after waiting for the threads.", null);
    }

    static Failure check(AssertionError error) {
        return new Failure(Kind.CHECK, String.valueOf(error.getMessage()), "", error);
    }

    static Failure interrupted() {
        return new Failure(Kind.UNCONTROLLED, "The test thread was interrupted while the threads ran.", "", null);
    }

    static Failure uncontrolled(String what, String threads) {
        return new Failure(Kind.UNCONTROLLED, what, threads, null);
    }
}
