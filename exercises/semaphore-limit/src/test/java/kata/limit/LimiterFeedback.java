package kata.limit;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import kata.support.threads.Call;

/** What the semaphore-limit checks tell a student when they fail: what was observed, and why. */
final class LimiterFeedback {

    static final String EXCEPTION_REACHES_CALLER = "run(task) and tryRun(task, ...) with a task that throws should"
            + " throw the task's exception to the caller, unchanged.";

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

    static String turnedAway(int running, Duration held, List<Call<Object>> finished) {
        StringBuilder text = new StringBuilder("While " + running + " tasks ran for " + describe(held) + ", "
                + finished.size() + " callers beyond the limit finished without their task running:");
        for (Call<Object> caller : finished) {
            text.append("\n  \"").append(caller.name()).append("\" ")
                    .append(caller.thrown().map(thrown -> "threw " + thrown).orElse("returned"))
                    .append(" after ").append(describe(caller.took()));
        }
        return text.append("\nA caller beyond the limit must wait for a permit as long as it takes"
                + " (Semaphore.acquire() waits), not be turned away: not by tryAcquire() without a timeout, which"
                + " gives up at once, and not by a timeout of its own, however long.").toString();
    }

    static String stillWaitingAfterRelease(int released, List<String> waiting, String where) {
        return "All " + released + " running tasks ended at once and gave their permits back, but " + waiting.size()
                + " callers still waited for a permit although every permit was free:\n" + where
                + "\nEvery permit that comes back must reach a waiting caller. A release that wakes nobody (or"
                + " notify() only when the count goes from 0 to 1) loses the wake-ups of the permits that come"
                + " back while the woken caller has not taken its own yet: wake all waiters (notifyAll(),"
                + " signalAll()), or one per permit given back.";
    }

    static String tooManyAfterRelease(int permits, int before, int after, int round) {
        return "Limiter(" + permits + "): " + before + " tasks ran at once while other callers waited. Then "
                + (round == 1 ? "one task ended" : round + " tasks had ended, one after another,")
                + " and " + after + " tasks ran at once: the permit that came back let more than one waiting caller"
                + " in.\nA caller woken by a release must check again that a permit is free before it takes one:"
                + " wait in a loop, while (running == limit) wait(); an if checks only once, and notifyAll()"
                + " wakes every waiting caller.";
    }

    static String tooManyAfterSpuriousWakeUp(int permits, int before, int after, String caller) {
        return "Limiter(" + permits + "): " + before + " tasks ran at once while other callers waited. Then \""
                + caller + "\" woke up without any permit coming back (a spurious wake-up, which wait() and"
                + " await() may have at any time), and " + after + " tasks ran at once.\nWait in a loop that"
                + " checks again after every wake-up: while (running == limit) wait(); an if checks only once.";
    }

    static String changedByFailures(int failures, int before, int after) {
        String seen = "Before, " + before + " tasks ran at once; after " + failures + " tasks threw (an exception,"
                + " an Error and a checked exception thrown undeclared, through run and tryRun), " + after + " did.\n";
        if (after < before) {
            return seen + "The tasks that threw never gave their permits back, so the limiter shrinks with every"
                    + " failure until nothing runs. Give the permit back in a finally block, in run and in tryRun:"
                    + " it runs however the task ends (a catch of RuntimeException and Error misses a checked"
                    + " exception that code compiled from Kotlin, or with Lombok's @SneakyThrows, throws undeclared).";
        }
        return seen + "A task that threw gave its permit back more than once (in a catch and again in the finally),"
                + " so the limiter grows with every failure. Release exactly once, in finally.";
    }

    static String permitLost(String call, String outcome, String where) {
        return "The call " + call + " " + outcome + ", although no other task was running: the tasks that threw"
                + " before it never gave their permits back. Give the permit back in a finally block, in run and"
                + " in tryRun." + (where.isEmpty() ? "" : "\n" + where);
    }

    static String neverFull(int permits, int callers) {
        return "Limiter(" + permits + ") let all " + callers + " callers run their tasks at once, so no caller"
                + " ever had to wait and this check could not take every permit. It needs a limiter that limits"
                + " (see three-at-once).";
    }

    static String neverGaveUp(String call, Duration patience, String where) {
        return "With every permit taken, " + call + " was still waiting " + describe(patience) + " later:\n  "
                + where + "\nThe timed variant must give up when its timeout has passed and return false: keep one"
                + " deadline and wait for the time that is left. (A time-out below one millisecond turned into"
                + " wait(0) waits for ever; so does a unit read wrongly.)";
    }

    static String timedAnswerWhenFull(String call, Object answer, boolean ran) {
        return "With every permit taken, " + call + " returned " + answer + (ran ? " and ran the task" : "")
                + ". When no permit comes within the timeout, it must return false and not run the task.";
    }

    static String gaveUpLate(String call, Duration waited) {
        return "With every permit taken, " + call + " returned false only after " + describe(waited)
                + ", much later than its timeout. Convert the timeout with the unit it comes with"
                + " (unit.toNanos(timeout)).";
    }

    static String gaveUpEarly(String call, Duration waited, int wakeUps) {
        return "With every permit taken, " + call + " returned false after " + describe(waited) + ", before its"
                + " timeout had run out" + (wakeUps > 0 ? " (it was woken " + wakeUps + " times meanwhile without a"
                + " permit, as wait(), park() and a notifyAll for a permit another caller takes may wake it)" : "")
                + ". A timed caller waits its whole timeout for a permit. Fix one deadline when the call starts"
                + " and, after each wake-up, wait for what is left of it (deadline - System.nanoTime()):"
                + " subtracting the time waited since the start from what was left counts the first part twice.";
    }

    static String timeoutRestartedByWakeUps(String call, Duration waited, int wakeUps) {
        return "With every permit taken, " + call + " returned false only after " + describe(waited) + ", much later"
                + " than its timeout: it was woken " + (wakeUps == 1 ? "once" : wakeUps + " times") + " meanwhile without a permit (as wait(),"
                + " await() and park() may be, and as a notifyAll for a permit that another caller takes does), and"
                + " each wake-up seems to start the whole timeout again. Compute the deadline once"
                + " (System.nanoTime() + unit.toNanos(timeout)) and, after each wake-up, wait only for the time"
                + " that is left (awaitNanos returns it).";
    }

    static String gaveUpBeforePermit(String call, Object answer, Duration waited, Duration timeout) {
        return "With every permit taken, " + call + " returned " + answer + " after " + describe(waited)
                + (waited.isZero() ? " (at once)" : "") + ", before any permit came back, although its timeout was "
                + describe(timeout) + ". The timed variant waits up to its timeout for a permit to free up:"
                + " tryAcquire(timeout, unit), not tryAcquire(), which only looks once; and convert the timeout with"
                + " its own unit (unit.toNanos(timeout))."
                + (timeout.toDays() > 365 * 100 ? " For a timeout this long, System.nanoTime() + timeout overflows and"
                + " becomes negative: compare times by subtracting (deadline - System.nanoTime() <= 0), never with"
                + " deadline < now." : "");
    }

    static String missedFreedPermit(String call, Object answer, boolean ran, Duration afterRelease) {
        return call + " was waiting when a permit came back, but " + (answer == null ? "it was still waiting "
                + describe(afterRelease) + " later" : "it returned " + answer + (ran ? "" : " without running the task")
                + " " + describe(afterRelease) + " later") + ". A permit that frees up within the timeout must"
                + " wake it at once, and it must run the task and return true.";
    }

    static String changedByTimeout(int timedOut, int before, int after) {
        return "Before, " + before + " tasks ran at once; after " + timedOut + " calls of tryRun gave up on a full"
                + " limiter (they returned false), " + after + " did.\n" + (after > before
                ? "A call that timed out gave back a permit it never got, so the limit grew. Give a permit back"
                        + " only when tryAcquire succeeded: return false before the try/finally that releases."
                : "A call that timed out kept a permit it should not hold.");
    }

    static String wakeUpLostToTimeout(String details) {
        return "Limiter(1): a task gave its permit back at the very moment a tryRun(task, 100 ms) ran out of time,"
                + " while a run(task) waited too. The run(task) never got the free permit: the wake-up went to the"
                + " tryRun (or the permit was handed to it), which gave up for its time and neither used it nor"
                + " passed it on. Wake every waiter (notifyAll), or let a timed waiter that wakes take a free"
                + " permit, or one handed to it, before it gives up for its time.\n" + details;
    }

    static String changedByInterrupt(int before, int after) {
        return "Before, " + before + " tasks ran at once; after a waiting run(task) and a waiting tryRun(task, 1 min)"
                + " were interrupted, " + after + " did.\n" + (after > before
                ? "An interrupted call gave back a permit it never got, so the limit grew: acquire() threw inside"
                        + " the try, and the finally released anyway. Acquire before the try."
                : "An interrupted call kept a permit although its task never ran.");
    }

    static String ignoredInterrupt(String call, String where) {
        return "\"" + call + "\", waiting for a permit, was interrupted, but it kept waiting:\n  " + where
                + "\nWaiting must end when the thread is interrupted, with InterruptedException:"
                + " Semaphore.acquire() does that, acquireUninterruptibly() and synchronized do not.";
    }

    static String wrongInterruptOutcome(String call, Throwable thrown, Object answer, boolean ran) {
        return "\"" + call + "\", waiting for a permit, was interrupted; it should throw InterruptedException without"
                + " running the task, but it " + (thrown == null ? "returned " + (answer == null ? "normally" : answer)
                : "threw " + thrown) + (ran ? " and ran the task" : "") + ".";
    }

    static String raceLetIn(int permits, int callers, int usual, int seen) {
        return "Limiter(" + permits + ") with " + callers + " callers: when each caller runs until it waits, " + usual
                + " tasks run at once, but in another order of their steps " + seen + " did: two callers both saw"
                + " the same free permit before either counted it as taken (check-then-act).\nCheck for a free permit"
                + " and take it in one atomic step: under the same lock, or with compareAndSet in a loop.";
    }

    static String busyWaiting(String threads) {
        return "While every permit was taken, the waiting callers kept running instead of blocking:\n" + threads
                + "\nA loop that checks again and again burns a CPU that the running tasks need. Block until a"
                + " permit comes back: Semaphore.acquire(), or wait() and notifyAll(), or a Condition.";
    }

    static String pollingLate(String caller, Duration late) {
        return "A permit came back while \"" + caller + "\" waited in run(task), but it took the permit only "
                + describe(late) + " later: it was not woken by the release, it slept and looked again.\nBlock"
                + " until a permit is given back (Semaphore.acquire(), or wait() and notifyAll()): then the waiting"
                + " caller goes on at once, and uses no CPU while it waits.";
    }

    static String callerGot(String caller, Throwable thrown) {
        return caller + " got " + thrown + " from the limiter.";
    }

    static String describe(Duration duration) {
        long nanos = duration.toNanos();
        if (nanos >= 60_000_000_000L && nanos % 60_000_000_000L == 0) {
            return nanos / 60_000_000_000L + " min";
        }
        return nanos >= 1_000_000_000L ? String.format(Locale.ROOT, "%.3f s", nanos / 1e9)
                : String.format(Locale.ROOT, "%.3f ms", nanos / 1e6);
    }
}
