package kata.buffer;

import java.util.List;

/** What the producer-consumer checks tell a student when they fail: what was observed, and why. */
final class BufferFeedback {

    static final String WHILE_NOT_IF = "Wait in a while loop, never an if: a woken thread must check the"
            + " condition again, because another thread may have taken the item (or the free slot) first.";

    private BufferFeedback() {
    }

    static String sequential(String what, Object expected, Object actual) {
        return what + ": expected " + expected + ", got " + actual + ".";
    }

    static String putDidNotBlock(int capacity) {
        return "The buffer has capacity " + capacity + " and holds " + capacity + " items, yet a further put(item)"
                + " returned at once. A full buffer must make put wait until a take makes room (back-pressure):"
                + " wait while size == capacity.";
    }

    static String takeDidNotBlock(Object returned) {
        return "take() on an empty buffer returned " + returned + " at once. It must wait until a producer puts"
                + " an item: wait while the buffer is empty.";
    }

    static String notWoken(String who, String what, Thread.State state) {
        return who + " stayed blocked after " + what + " (its state: " + state + "). Whoever changes the"
                + " buffer must wake the threads waiting for that change: notifyAll() after every put and take"
                + " (or signal the right Condition).";
    }

    static String timedOutTooEarly(String call, long waitedMillis, long timeoutMillis) {
        return call + " gave up after " + waitedMillis + " ms, but its timeout was " + timeoutMillis + " ms.";
    }

    static String wrongTimedResult(String call, Object expected, Object actual) {
        return call + " returned " + actual + ", expected " + expected + ".";
    }

    static String itemsLostOrDuplicated(String scenario, List<?> taken, List<?> put) {
        return scenario + ": the consumers got " + taken + ", but the producers put " + put
                + " (each item must be taken exactly once).\n" + WHILE_NOT_IF
                + " And wake every waiter (notifyAll), or use one Condition for \"not full\" and another for"
                + " \"not empty\".";
    }

    static String orderBroken(List<?> taken, List<?> put) {
        return "One producer put " + put + " and one consumer took " + taken + ": a buffer is first in, first"
                + " out.";
    }

    static String busyWaiting(String call, Thread.State state, long cpuMillis) {
        return call + " on a buffer that cannot serve it did not wait quietly: its thread was " + state
                + " and had used " + cpuMillis + " ms of CPU instead of parking in WAITING.\nA loop that checks"
                + " again and again (with or without sleep or onSpinWait) burns CPU and reacts late. Wait for a"
                + " notification: wait() in a while loop, or Condition.await().";
    }

    static String capacityWrong(int capacity, int accepted) {
        return "A new buffer of capacity " + capacity + " accepted " + accepted + " items before offer(item, 0, ms)"
                + " returned false; it must hold exactly " + capacity + ".";
    }
}
