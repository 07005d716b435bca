package kata.light;

import java.time.Duration;
import java.util.List;

/** What the traffic-light checks tell a student when they fail: what was observed, and why. */
final class LightFeedback {

    private LightFeedback() {
    }

    static String sequential(String what, Object expected, Object actual) {
        return what + ": expected " + expected + ", got " + actual + ".";
    }

    static String runOutTimeoutAtGreen(String call) {
        return "On a green light, " + call + " returned false. A time-out of 0 or less has run out before the call,"
                + " but it only limits how long a car waits at red: a car that finds the light green drives, and"
                + " await(timeout, unit) returns true, like await(0). Look at the light first, then at the clock:"
                + " while (!green) { if (left <= 0) return false; ... } return true;";
    }

    static String droveOnRed(List<String> cars) {
        return "The light was red, but " + cars + " returned from await() without set() ever being called.\n"
                + "await() must block while the light is red: in a loop, while (!green) wait();";
    }

    static String droveOnRedBesideGreen(List<String> cars) {
        return "A new light was red, but " + cars + " returned from its await() without set() being called on it"
                + " (set() had been called on another light).\nEach light has its own colour: keep it in an instance"
                + " field, not a static one; and await() must block while the light is red: while (!green) wait();";
    }

    static String strandedByClear(List<String> stillWaiting, String threads) {
        return "A car waited at red; clear() was called again (the light was red already), then set(), and "
                + stillWaiting + " still waited:\n" + threads + "\nclear() on a red light must change nothing for"
                + " the cars already waiting: they wait for the next set(). If each red phase has its own latch or"
                + " generation, start a new one only when the light turns from green to red.";
    }

    static String strandedBySetThenClear(List<String> stillWaiting, String threads) {
        return "A car waited at red; set() and at once clear() were called (before the car got to run), then set()"
                + " again, and " + stillWaiting + " still waited:\n" + threads + "\nA car that finds the light red"
                + " again when it wakes may wait on (that is accepted), but the next set() must wake it like every"
                + " car that waits: if set() wakes a list of waiters and empties it, a car that waits on must be in"
                + " the list again; simpler, wait and notify on one object.";
    }

    static String strandedAfterOtherDrove(String details) {
        return "Two cars waited at red; set() ran, the car that drove called clear() behind it, and then set() ran"
                + " again: in the order of steps below, the other car still waited after the last set(), and waits"
                + " for ever at a green light. It woke at the first set() to find the light red again and waited on"
                + " (that is accepted), but the second set() did not wake it. What set() knows about the cars"
                + " waiting must still count the one that waits on: a single \"somebody waits\" flag, reset by the"
                + " first car that drives, forgets the others. Keep a count, or simply notifyAll() at every set().\n"
                + details;
    }

    static String notAllReleased(String call, int waiting, List<String> stillWaiting, String threads) {
        int drove = waiting - stillWaiting.size();
        return waiting + " cars waited in " + call + " at red; set() was called, and then " + drove
                + " drove and " + stillWaiting + " still waited, although no other thread had anything left to do:\n"
                + threads + "\n"
                + (drove == 1 && waiting > 1
                ? "Exactly one car was woken: that is notify() (or signal()), which wakes ONE waiting thread."
                        + " A green light is for everyone: notifyAll() (or signalAll()) wakes them all."
                : "set() must wake every waiting car: notifyAll() (or signalAll()) on the object they wait on,"
                        + " after setting the flag, under the same lock.");
    }

    static String droveAfterSpuriousWakeUp(List<String> cars) {
        return "The light was red and stayed red, but " + cars + " drove after waking up without set() (a"
                + " spurious wake-up, which wait() and await() may have at any time).\nWait in a loop that checks"
                + " the light again after every wake-up: while (!green) wait(); an if checks only once.";
    }

    static String droveAfterClearOnRed(List<String> cars) {
        return "The light was red, clear() was called again (red stays red: nothing changes), and " + cars
                + " drove when it woke without set() (a spurious wake-up). A clear() on a red light must not"
                + " end the waits of the cars already waiting: only set() does.";
    }

    static String timedTrueAfterClearOnRed() {
        return "A car waited at red with await(200 ms), clear() was called again (red stays red: nothing"
                + " changes), and when its time ran out the car got true instead of false. A clear() on a"
                + " red light must not end the waits of the cars already waiting (a new \"phase\" only begins at"
                + " set()), and a car whose time runs out at red gets false.";
    }

    static String neverGaveUp(String call, Duration patience, String where) {
        return "While the light stayed red, " + call + " was still waiting " + patience.toMinutes()
                + " minutes later:\n  " + where + "\nThe timed wait must give up when its time-out has passed and"
                + " return false: keep one deadline and wait for the time that is left. (A time-out below one"
                + " millisecond turned into wait(0) waits for ever; so does a unit read wrongly.)";
    }

    static String timedAnswerAtRed(String call, Object answer) {
        return "While the light stayed red, " + call + " returned " + answer
                + ". It must return false: the light never turned green.";
    }

    static String gaveUpEarly(String call, Duration waited) {
        return "While the light stayed red, " + call + " returned false after only " + describe(waited)
                + ". It must wait the whole time-out for green before it gives up. (Convert the time-out with its"
                + " unit, to nanoseconds rather than whole milliseconds, and loop: a wait can return early.)";
    }

    static String strandedByRacingClears(String details) {
        return "Two clear() calls ran at the same time on a green light while a car arrived, and then set() ran:"
                + " in the order of steps below the car still waited, and waits for ever. Each clear() checked"
                + " \"green?\" and then started a new red phase in a second step; the second one threw away the"
                + " phase the car already waited on, so set() ended a phase nobody waits on. Make the check and the"
                + " change one step (under the lock set() takes, or a compareAndSet).\n" + details;
    }

    static String timeoutRestartedByFlashes(String call, Duration waited, int flashes) {
        return "While the light was red, " + call + " returned false only after " + describe(waited) + ", much"
                + " later than its time-out: meanwhile set() and at once clear() ran " + flashes + " times, and"
                + " each time the car, woken and finding red again, seems to start the whole time-out again."
                + " (Driving when woken by set() would have been fine too.) Compute the deadline once"
                + " (System.nanoTime() + unit.toNanos(timeout)) and, after each wake-up, wait only for the time"
                + " that is left (awaitNanos returns it).";
    }

    static String timeoutRestartedByWakeUps(String call, Duration waited, int wakeUps) {
        return "While the light stayed red, " + call + " returned false only after " + describe(waited) + ", much"
                + " later than its time-out: it was woken " + wakeUps + " times meanwhile without a set() (as wait(),"
                + " await() and park() may be), and each wake-up seems to start the whole time-out again. Compute the"
                + " deadline once (System.nanoTime() + unit.toNanos(timeout)) and, after each wake-up, wait only for"
                + " the time that is left (awaitNanos returns it).";
    }

    static String gaveUpLate(String call, Duration waited) {
        return "While the light stayed red, " + call + " returned false only after " + describe(waited)
                + ", much later than its time-out. Convert the time-out with the unit it comes with"
                + " (unit.toNanos(timeout)).";
    }

    private static String describe(Duration duration) {
        long nanos = duration.toNanos();
        return nanos >= 1_000_000_000L ? String.format(java.util.Locale.ROOT, "%.3f s", nanos / 1e9)
                : String.format(java.util.Locale.ROOT, "%.3f ms", nanos / 1e6);
    }

    static String stillGreenAfterClear() {
        return "After set() and then clear(), isSet() is still true. clear() must turn the light red again (a"
                + " CountDownLatch cannot do that: once it reaches zero, it stays open for ever).";
    }

    static String droveAfterClear() {
        return "After set() and then clear(), a car that came later drove through without waiting. After clear(),"
                + " the light is red: later cars must wait for the next set().";
    }

    static String lostWakeUp(String schedule) {
        return "Lost wake-up: the car saw red and was about to wait, set() ran in between (turned the light green"
                + " and notified nobody, because nobody waited yet), and then the car started to wait for a"
                + " notify that had already happened. It waits for ever.\nCheck the light and start waiting under"
                + " the same lock that set() takes (synchronized methods, or one Lock with its Condition): then set()"
                + " cannot slip in between.\n\n" + schedule;
    }

    static String racyRead(String call, String write, String race) {
        return call + " and " + write + " in two threads touch the light without synchronization between them, so a"
                + " thread that calls " + call + " may not see green after set(), or may still see green after clear()"
                + " (and a loop on it may never see the change). Read and write the flag under one lock in every"
                + " method, clear() included (it needs no notify, but it needs the lock), or make it volatile; a"
                + " \"fast path\" before the lock needs a volatile flag too:\n" + race;
    }

    static String polls(String car, String call, Duration left, String threads) {
        boolean timed = !call.equals("await()");
        return "While the light was red, \"" + car + "\" waited in " + call + " with a time limit of "
                + describe(left) + (timed ? ", long before its deadline" : "") + ":\n" + threads + "\n" + call
                + " waits until set() wakes the car" + (timed ? " or its time-out runs out" : "") + "; a wait that"
                + " ends by itself and looks at the light again is a poll: at a red light the car wakes again and"
                + " again for nothing. " + (timed ? "Wait for all the time that is left: while (!green) { long left ="
                + " deadline - System.nanoTime(); if (left <= 0) return false; TimeUnit.NANOSECONDS.timedWait(this,"
                + " left); }" : "Wait without a time limit: while (!green) wait();");
    }

    static String lockSharedByEveryLight(Object lock) {
        String what = lock instanceof String text ? "the String \"" + text + "\""
                : "an object of " + lock.getClass().getName();
        return "A car at one light and a car at another light wait on the same object, " + what + ": every light"
                + " shares one lock, so set() on one light wakes the cars of all of them, and the lights hold each"
                + " other up. A string literal is one object for the whole JVM (so are the Boolean and small Integer"
                + " values): lock on an object of the light's own, private final Object lock = new Object();";
    }

    static String busyWaiting(String threads) {
        return "While the light was red, the waiting cars kept running instead of blocking:\n" + threads
                + "\nA loop that checks the light again and again burns a CPU that other threads need. Block"
                + " until set() wakes you: wait() and notifyAll(), or a Condition's await() and signalAll().";
    }

    static String timedCallThrew(String call, Throwable thrown) {
        return "At red, " + call + " threw " + thrown + " instead of returning false once its time-out had run out."
                + (thrown instanceof IllegalArgumentException ? " A time-out of 0 or less has run out before the"
                + " call: return false at red without waiting (wait() and await() refuse a negative time; wait(0)"
                + " waits for ever)." : "");
    }

    static String carGot(String car, Throwable thrown) {
        return car + " got " + thrown + " from the light.";
    }

    static String timedNotReleased(Duration timeout, int waiting, List<String> stillWaiting, List<Object> answers) {
        return waiting + " cars waited in await(" + timeout.toMinutes() + " min) at red; set() was called, and then "
                + stillWaiting + " still waited (answers so far: " + answers + ").\nset() must wake every waiting"
                + " car, also those in the timed wait: notifyAll(), not notify().";
    }

    static String timedAnswerAtGreen(Duration timeout, List<Object> answers) {
        return "The light turned green while cars waited in await(" + timeout.toMinutes() + " min); they returned "
                + answers + ". Each must return true as soon as the light is green.";
    }

    static String timedWokenLate(Duration timeout, String car, Duration afterGreen) {
        boolean atTimeout = afterGreen.compareTo(timeout.minusSeconds(1)) >= 0;
        return "The light turned green while cars waited in await(" + timeout.toMinutes() + " min), but \"" + car
                + "\" drove only " + describe(afterGreen) + " later"
                + (atTimeout ? ", when its time-out ran out: set() did not wake it. The timed wait must wait on the"
                + " same object (or Condition) that set() notifies."
                : ": set() did not wake it, it noticed green only when it looked again. Block until set() wakes"
                + " you (wait() and notifyAll(), or a Condition) instead of looking again and again.");
    }

    static String longestTimeOutGaveUp(List<String> cars, List<Object> answers) {
        return "While the light was red, " + cars + " returned from await(Long.MAX_VALUE, NANOSECONDS) at once"
                + " (answers " + answers + ") instead of waiting for green. System.nanoTime() can be any number, so"
                + " now + timeout overflows for a long time-out and becomes negative: compare times by subtracting"
                + " (deadline - System.nanoTime() <= 0), never with deadline < now.";
    }

    static String longestTimeOutNotReleased(List<String> stillWaiting, List<Object> answers) {
        return "Two cars waited at red in await(Long.MAX_VALUE, NANOSECONDS); set() was called, and then " + stillWaiting
                + " still waited (answers so far: " + answers + "). set() must wake every car, whatever its time-out.";
    }

    static String longestTimeOutAnswered(List<Object> answers) {
        return "The light turned green while two cars waited in await(Long.MAX_VALUE, NANOSECONDS); they returned "
                + answers + ". Each must return true as soon as the light is green.";
    }

    static String timedWakeUpLost(Duration timeout, boolean answer, Duration waited) {
        return "set() ran at the same time as await(" + timeout.toMinutes() + " min), and in one order of their steps"
                + " the car returned " + answer + " only after " + describe(waited) + ": set() happened between the"
                + " car's look at the light and its wait, so the car waited for a wake-up that had already been"
                + " given, until its time-out. Look at the light and wait under the same lock that set() takes"
                + " (while (!green) and the timed wait, both inside it).";
    }

    static String timedGaveUpAtOnce(Duration timeout, List<String> cars, List<Object> answers) {
        return "While the light was red, " + cars + " returned from await(" + timeout.toMinutes() + " min) at once"
                + " (answers " + answers + ") instead of waiting for green. The timed wait waits up to its timeout.";
    }

    static String ignoredInterrupt(String car, String threads) {
        return "\"" + car + "\", waiting at red, was interrupted, but it kept waiting:\n" + threads + "\nAn"
                + " interrupt asks a waiting thread to stop waiting: let the InterruptedException from wait() leave"
                + " await(); do not catch it and wait again.";
    }

    static String wrongInterruptOutcome(String car, Throwable thrown, Object answer) {
        return "\"" + car + "\", waiting at red, was interrupted; await() should throw InterruptedException, but"
                + " it " + (thrown == null ? "returned " + (answer == null ? "normally, as if the light were green"
                : answer) : "threw " + thrown) + ".";
    }
}
