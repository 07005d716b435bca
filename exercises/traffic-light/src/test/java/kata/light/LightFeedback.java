package kata.light;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** What the traffic-light checks tell a student when they fail: what was observed, and why. */
final class LightFeedback {

    private LightFeedback() {
    }

    static String sequential(String what, Object expected, Object actual) {
        return what + ": expected " + expected + ", got " + actual + ".";
    }

    static String droveOnRed(List<String> cars) {
        return "The light was red, but " + cars + " returned from await() without set() ever being called.\n"
                + "await() must block while the light is red: in a loop, while (!green) wait();";
    }

    static String notAllReleased(String call, int waiting, List<String> stillWaiting, Duration patience,
                                 String threads) {
        int drove = waiting - stillWaiting.size();
        return waiting + " cars waited in " + call + " at red; set() was called, and " + patience.toSeconds()
                + " s later " + drove + " had driven and " + stillWaiting + " still waited:\n" + threads + "\n"
                + (drove == 1 && waiting > 1
                ? "Exactly one car was woken: that is notify() (or signal()), which wakes ONE waiting thread."
                        + " A green light is for everyone: notifyAll() (or signalAll()) wakes them all."
                : "set() must wake every waiting car: notifyAll() (or signalAll()) on the object they wait on,"
                        + " after setting the flag, under the same lock.");
    }

    static String neverGaveUp(Duration timeout, Duration patience, String threads) {
        return "While the light stayed red, await(" + timeout.toMillis() + " ms) was still waiting after "
                + patience.toSeconds() + " s.\nThe timed wait must give up when its timeout has passed and return"
                + " false: wait(millis) with the time that is left, and a deadline checked in the loop.\n" + threads;
    }

    static String timedAnswerAtRed(Duration timeout, Object answer) {
        return "While the light stayed red, await(" + timeout.toMillis() + " ms) returned " + answer
                + ". It must return false: the light never turned green.";
    }

    static String gaveUpEarly(Duration timeout, Duration waited) {
        return "While the light stayed red, await(" + timeout.toMillis() + " ms) returned false after only "
                + waited.toMillis() + " ms. It must wait the whole timeout for green before it gives up. (A wait(ms)"
                + " can return early, without a notify: loop, and wait again for the time that is left.)";
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

    static String busyWaiting(Map<String, Long> cpuMillis) {
        return "While the light was red, the waiting cars kept running instead of blocking; CPU time each used"
                + " so far (ms): " + cpuMillis + ".\nA loop that checks the light again and again burns a CPU that"
                + " other threads need. Block until set() wakes you: wait() and notifyAll(), or a Condition's"
                + " await() and signalAll().";
    }

    static String neverSettled(Duration patience, String threads) {
        return "After " + patience.toSeconds() + " s, some cars had neither finished nor started to wait for the"
                + " light:\n" + threads + "\nA car should reach its wait within milliseconds.";
    }

    static String carGot(String car, Throwable thrown) {
        return car + " got " + thrown + " from the light.";
    }

    static String timedNotReleased(Duration timeout, int waiting, List<String> stillWaiting, List<Object> answers,
                                   Duration patience) {
        return waiting + " cars waited in await(" + timeout.toMinutes() + " min) at red; set() was called, and "
                + patience.toSeconds() + " s later " + stillWaiting + " still waited (answers so far: " + answers
                + ").\nset() must wake every waiting car, also those in the timed wait: notifyAll(), not notify().";
    }

    static String timedAnswerAtGreen(Duration timeout, List<Object> answers) {
        return "The light turned green while cars waited in await(" + timeout.toMinutes() + " min); they returned "
                + answers + ". Each must return true as soon as the light is green.";
    }

    static String timedGaveUpAtOnce(Duration timeout, List<String> cars, List<Object> answers) {
        return "While the light was red, " + cars + " returned from await(" + timeout.toMinutes() + " min) at once"
                + " (answers " + answers + ") instead of waiting for green. The timed wait waits up to its timeout.";
    }

    static String ignoredInterrupt(Duration patience, String threads) {
        return "A car waiting at red was interrupted, but " + patience.toSeconds() + " s later it was still"
                + " waiting.\nAn interrupt asks a waiting thread to stop waiting: let the InterruptedException from"
                + " wait() leave await(); do not catch it and wait again.\n" + threads;
    }

    static String wrongInterruptOutcome(Throwable thrown) {
        return "A car waiting at red was interrupted; await() should throw InterruptedException, but it "
                + (thrown == null ? "returned normally, as if the light were green" : "threw " + thrown) + ".";
    }
}
