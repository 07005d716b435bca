package kata.limit;

import java.time.Duration;
import java.util.List;

/** What the semaphore-limit checks tell a student when they fail: what was observed, and why. */
final class LimiterFeedback {

    static final String EXCEPTION_REACHES_CALLER = "run(task) with a task that throws should throw the task's"
            + " exception to the caller, unchanged.";

    private LimiterFeedback() {
    }

    static String sequential(String what, Object expected, Object actual) {
        return what + ": expected " + expected + ", got " + actual + ".";
    }

    static String wrongCount(int permits, int callers, int inside) {
        String seen = "Limiter(" + permits + ") with " + callers + " callers at once: ";
        if (inside > permits) {
            return seen + inside + " of their tasks ran at the same time, but at most " + permits + " may.\n"
                    + "The others must wait until a running task ends and gives its permit back: take a permit"
                    + " before the task (Semaphore.acquire()) and give it back after it (release()).";
        }
        if (inside == 0) {
            return seen + "no task could start, and every caller waited. " + permits + " tasks should run at once.";
        }
        if (inside == 1) {
            return seen + "only 1 task ran while the other " + (callers - 1) + " callers waited: the tasks ran"
                    + " one after another, as if under one lock. " + permits + " may run at the same time: a lock"
                    + " lets one thread in, a Semaphore(" + permits + ") lets " + permits + " in.";
        }
        return seen + "only " + inside + " tasks ran at once while " + (callers - inside) + " callers waited,"
                + " although the limit is " + permits + ". Exactly " + permits + " must run at once: check the"
                + " number of permits.";
    }

    static String turnedAway(List<String> callers, Throwable thrown) {
        return "While the first tasks were still running, " + callers.size() + " callers finished without their"
                + " task running: " + callers + (thrown == null ? "" : " (one got " + thrown + ")") + ".\n"
                + "A caller beyond the limit must wait for a permit (Semaphore.acquire() waits), not be turned"
                + " away (tryAcquire() without a timeout gives up at once).";
    }

    static String changedByFailures(int failures, int before, int after) {
        String seen = "Before, " + before + " tasks ran at once; after " + failures + " tasks threw an exception, "
                + after + " did.\n";
        if (after < before) {
            return seen + "The tasks that threw never gave their permits back, so the limiter shrinks with every"
                    + " failure until nothing runs. Give the permit back in a finally block: it runs however the"
                    + " task ends.";
        }
        return seen + "A task that threw gave its permit back more than once (in a catch and again in the finally),"
                + " so the limiter grows with every failure. Release exactly once, in finally.";
    }

    static String neverFull(int permits, int callers) {
        return "Limiter(" + permits + ") let all " + callers + " callers run their tasks at once, so no caller"
                + " ever had to wait and this check could not take every permit. It needs a limiter that limits"
                + " (see three-at-once).";
    }

    static String neverGaveUp(String call, Duration patience, String threads) {
        return "With every permit taken, " + call + " was still waiting after " + patience.toSeconds() + " s.\n"
                + "The timed variant must give up when its timeout runs out and return false:"
                + " Semaphore.tryAcquire(timeout, unit) waits at most that long.\n" + threads;
    }

    static String ranWithoutPermit(Boolean answer, boolean ran) {
        return "With every permit taken, tryRun(task, 200 ms) returned " + answer + (ran ? " and ran the task" : "")
                + ". When no permit comes within the timeout, it must return false and not run the task.";
    }

    static String permitLost(String call, Duration patience, String threads) {
        return "The call " + call + " was still waiting for a permit after " + patience.toSeconds() + " s, although"
                + " no other task was running: the tasks that threw before it never gave their permits back."
                + " Give the permit back in a finally block.\n" + threads;
    }

    static String neverSettled(Duration patience, String threads) {
        return "After " + patience.toSeconds() + " s, some callers had neither started their task, nor begun to"
                + " wait for a permit, nor finished:\n" + threads + "\nA caller should get a permit or start"
                + " waiting for one within milliseconds.";
    }

    static String stillWaitingAfterRelease(int callers, Duration patience, String threads) {
        return "The running tasks all ended, but " + patience.toSeconds() + " s later some of the " + callers
                + " callers still had no permit:\n" + threads + "\nA task that ends must give its permit back,"
                + " and a waiting caller must then get it.";
    }

    static String callerGot(String caller, Throwable thrown) {
        return caller + " got " + thrown + " from the limiter.";
    }

    static String gaveUpAtOnce(Boolean answer) {
        return "With every permit taken, tryRun(task, 1 min) returned " + answer + " at once instead of waiting."
                + " The timed variant waits up to its timeout for a permit to free up: tryAcquire(timeout, unit),"
                + " not tryAcquire(), which only looks once.";
    }

    static String missedFreedPermit(Boolean answer, boolean ran) {
        return "tryRun(task, 1 min) was waiting when permits freed up, but it returned " + answer
                + (ran ? "" : " without running the task") + ". A permit that frees up within the timeout must let"
                + " it run the task and return true.";
    }

    static String changedByTimeout(Boolean answer, int before, int after) {
        return "Before, " + before + " tasks ran at once; after one tryRun(task, 50 ms) gave up (it returned " + answer
                + "), " + after + " did.\n" + (after > before
                ? "The call that timed out gave back a permit it never got, so the limit grew. Give a permit back"
                        + " only when tryAcquire succeeded: return false before the try/finally that releases."
                : "The call that timed out kept a permit it should not hold.");
    }

    static String changedByInterrupt(int before, int after) {
        return "Before, " + before + " tasks ran at once; after one waiting run(task) was interrupted, " + after
                + " did.\n" + (after > before
                ? "The interrupted call gave back a permit it never got, so the limit grew: acquire() threw inside"
                        + " the try, and the finally released anyway. Acquire before the try."
                : "The interrupted call kept a permit although its task never ran.");
    }

    static String ignoredInterrupt(Duration patience, String threads) {
        return "A caller waiting for a permit was interrupted, but " + patience.toSeconds() + " s later it was still"
                + " waiting.\nWaiting must end when the thread is interrupted, with InterruptedException:"
                + " Semaphore.acquire() does that, acquireUninterruptibly() and synchronized do not.\n" + threads;
    }

    static String wrongInterruptOutcome(Throwable thrown, boolean ran) {
        return "A caller waiting for a permit was interrupted; run(task) should throw InterruptedException without"
                + " running the task, but it " + (thrown == null ? "returned normally" : "threw " + thrown)
                + (ran ? " and ran the task" : "") + ".";
    }
}
