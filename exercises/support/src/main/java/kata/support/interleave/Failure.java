package kata.support.interleave;

import java.time.Duration;
import kata.support.agent.StudentCode;

/** Why an execution failed, in words for a student. */
record Failure(Kind kind, String headline, String details, Throwable cause) {

    enum Kind { THREW, DEADLOCK, STUCK, HANG, LIVELOCK, WAITED, CHECK }

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
                cycle + "\nEach thread holds a lock the other needs. Take locks in one global order"
                        + " (the same order in every thread), or use tryLock with a timeout and back off.",
                null);
    }

    static Failure stuck(String threads) {
        return new Failure(Kind.STUCK,
                "No thread can continue: every thread is waiting and none of them can wake the others.",
                threads, null);
    }

    static Failure hang(Duration limit, String threads) {
        return new Failure(Kind.HANG,
                "The threads did not finish within " + limit.toMillis() + " ms.", threads, null);
    }

    static Failure livelock(String worker, long steps, String threads) {
        return new Failure(Kind.LIVELOCK, "The threads took more than " + steps
                + " steps without finishing: \"" + worker + "\" seems to loop forever.", threads, null);
    }

    static Failure waited(String worker, String how, String where, String reason) {
        return new Failure(Kind.WAITED, "Thread \"" + worker + "\" " + how + ", but " + reason + ".",
                where, null);
    }

    static Failure check(AssertionError error) {
        return new Failure(Kind.CHECK, String.valueOf(error.getMessage()), "", error);
    }
}
