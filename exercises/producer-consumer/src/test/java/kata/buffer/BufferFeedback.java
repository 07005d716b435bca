package kata.buffer;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/** What the producer-consumer checks tell a student when they fail: what was observed, and why. */
final class BufferFeedback {

    static final String WHILE_NOT_IF = "Wait in a while loop, never an if: a woken thread must check the"
            + " condition again, because another thread may have taken the item (or the free slot) first, and"
            + " Java allows wake-ups without any notify at all (spurious wake-ups).";

    static final String WAKE_THE_OTHER_SIDE = "Whoever changes the buffer must wake the threads waiting for that"
            + " change: notifyAll() after every put and take, or with two Conditions, a take signals notFull"
            + " and a put signals notEmpty.";

    private BufferFeedback() {
    }

    static String sequential(String what, Object expected, Object actual) {
        return what + ": expected " + expected + ", got " + actual + ".";
    }

    static String describe(Duration duration) {
        long nanos = duration.toNanos();
        if (nanos % 1_000_000_000L == 0) {
            return nanos / 1_000_000_000L + " s";
        }
        if (nanos >= 1_000_000L) {
            return String.format(Locale.ROOT, "%.1f ms", nanos / 1e6);
        }
        return String.format(Locale.ROOT, "%.1f µs", nanos / 1e3);
    }

    static String fillBlocked(int capacity, int added, String where) {
        return "A new buffer of capacity " + capacity + " let only " + added + " put(item) calls through; the next"
                + " one waited although the buffer had room:\n  " + where + "\nput waits only while the buffer"
                + " holds capacity items.";
    }

    static String putDidNotBlock(int capacity, List<String> finished) {
        return "The buffer has capacity " + capacity + " and holds " + capacity + " items, yet put(item) of "
                + finished + " returned without waiting. A full buffer must make put wait until a take makes room"
                + " (back-pressure): wait while the number of items equals the capacity.";
    }

    static String wentOnAfterSpuriousWakeUp(String who, String call, Object outcome) {
        return "\"" + who + "\" waited in " + call + "; it was woken without any notify (a spurious wake-up,"
                + " which Java allows) and went on although nothing had changed: it " + outcome + ".\n"
                + WHILE_NOT_IF;
    }

    static String notWoken(String what, List<String> waiting, String where) {
        return what + ", but " + waiting + " went on waiting:\n" + where + "\n" + WAKE_THE_OTHER_SIDE;
    }

    static String tooManyWent(String what, List<String> finished) {
        return what + ", but " + finished + " all went on: more items than the capacity, or one item handed"
                + " out twice.\n" + WHILE_NOT_IF;
    }

    static String takeDidNotBlock(String who, Object outcome) {
        return "take() on an empty buffer (\"" + who + "\") " + outcome + " at once. It must wait until a"
                + " producer puts an item: wait while the buffer is empty.";
    }

    static String gotWrongItem(String what, Object expected, Object actual) {
        return what + ": expected " + expected + ", got " + actual + ".";
    }

    static String wrongTimedResult(String call, Object expected, Object actual) {
        return call + " returned " + actual + ", expected " + expected + ".";
    }

    static String neverGaveUp(String call, Duration patience, String where) {
        return call + " was still waiting after " + describe(patience) + ":\n  " + where
                + "\nA timed call gives up once its timeout has passed. If you wait with wait(millis), a time left"
                + " below one millisecond becomes wait(0), which waits for ever: wait(millis, nanos), or"
                + " TimeUnit.NANOSECONDS.timedWait(lock, left), or return when nothing is left.";
    }

    static String negativeTimeoutWaited(String call, Duration patience, String where) {
        return call + " was still waiting after " + describe(patience) + ":\n  " + where
                + "\nA timeout of 0 or less does not wait at all. A test meant for a deadline now + timeout that"
                + " overflowed, such as deadline < now, is also true for every negative timeout: treat a timeout"
                + " <= 0 as no wait, and compare the time left (deadline - now > 0) instead.";
    }

    static String gaveUpEarly(String call, Duration took, String extra) {
        return call + " gave up after " + describe(took) + ", before its timeout." + extra + "\nConvert the"
                + " timeout with its unit (unit.toNanos(timeout)), compute the deadline once, and when a wake-up"
                + " finds the condition still false, wait again for the time that is left.";
    }

    static String gaveUpLate(String call, Duration took, String extra) {
        return call + " gave up only after " + describe(took) + ", long after its timeout." + extra
                + "\nConvert the timeout with its unit (unit.toNanos(timeout)), compute the deadline once, and"
                + " after each wake-up wait only for the time that is left, not for the whole timeout again.";
    }

    static String offerChangedFullBuffer(String call, List<?> expected, List<?> actual) {
        return call + " timed out, yet the buffer changed: it held " + expected + " before and "
                + actual + " after. An offer that gives up must leave the buffer as it was.";
    }

    static String missedTheChance(String call, String event, Object outcome) {
        return call + " waited while " + event + ", and then " + outcome + ". A timed call waits like put or"
                + " take until its deadline: it must take that chance at once.";
    }

    static String itemsLostOrDuplicated(String scenario, List<?> taken, List<?> put) {
        return scenario + ": the consumers got " + taken + ", but the producers put " + put
                + " (each item must be taken exactly once).\n" + WHILE_NOT_IF
                + " And wake every waiter (notifyAll), or use one Condition for \"not full\" and another for"
                + " \"not empty\".";
    }

    static String lostWakeUp(String details) {
        return "Capacity 1, 2 producers and 2 consumers: in one order of their steps every thread ended up"
                + " waiting, although an item (or a free slot) was there for one of them: a lost wake-up.\n"
                + details + "\nnotify() (or signal() on one Condition that producers and consumers share) wakes"
                + " ONE waiter, and it may be one of the wrong kind, which waits again: the wake-up is spent."
                + " Use notifyAll() (signalAll()), or two Conditions, notFull for producers and notEmpty for"
                + " consumers, and signal the one the change is for.";
    }

    static String busyWaiting(String details) {
        return "A blocked put or take did not wait quietly: it kept running (a busy wait).\n" + details
                + "\nA loop that checks again and again (with or without sleep or onSpinWait) burns CPU and reacts"
                + " late. Wait for a notification: wait() in a while loop, or Condition.await().";
    }

    static String pollingLate(String call, Duration late) {
        return call + " waited on an empty buffer; a put(item) came, yet it went on only " + describe(late)
                + " later, when it next looked. A waiting call must be woken by the change itself (wait() and"
                + " notifyAll(), or await() and signal), not sleep and look again.";
    }

    static String capacityWrong(int capacity, int accepted) {
        return "A new buffer of capacity " + capacity + " accepted " + accepted + " items before offer(item, 0, ms)"
                + " returned false; it must hold exactly " + capacity + ".";
    }

    static String lostWakeUpAcrossBuffers(String details) {
        return "Two buffers A and B of capacity 1, a consumer waiting on each: in one order of their steps a"
                + " consumer was left waiting although its buffer held an item: a put into one buffer woke the"
                + " other buffer's consumer, which waited again.\n" + details + "\nThe buffers share their lock"
                + " or their Conditions (static fields?): each buffer has its own lock and Conditions, so that a"
                + " signal() reaches a waiter of the same buffer.";
    }

    static String staticState(String field, String type) {
        return "The static field " + field + " (" + type + ") is shared by every buffer. Each buffer has its own"
                + " items, count and lock: make it an instance field (only constants may be static).";
    }

    static String notIndependent(String what, Object expected, Object actual) {
        return "Two buffers, A holding one item and B new: " + what + " was " + actual + ", expected " + expected
                + ". Each buffer has its own items and its own count: no static fields.";
    }

    static String interruptIgnored(String call, String where) {
        return call + " was interrupted while it waited, yet went on waiting:\n  " + where + "\nLet the"
                + " InterruptedException of wait()/await() leave the method.";
    }

    static String interruptOutcome(String call, Throwable thrown, Object returned) {
        String got = thrown != null ? "threw " + thrown
                : call.startsWith("put(") ? "returned normally" : "returned " + returned;
        return call + " was interrupted while it waited and " + got + ". It must throw InterruptedException"
                + " (the method declares it), so that the caller knows its item was not handed over (or nothing"
                + " was taken): catching the exception and returning normally silently loses the item.";
    }

    static String unusableAfterInterrupt(String what, String where) {
        return "After interrupted calls had left the buffer, " + what + " waited for ever:\n  " + where
                + "\nAn exception (the InterruptedException of await()) must not leave the lock held: unlock in a"
                + " finally block.";
    }

    static String changedByInterrupt(String what, Object expected, Object actual) {
        return "After interrupted calls had left the buffer, " + what + ": expected " + expected + ", got " + actual
                + ". An interrupted put or offer adds nothing, an interrupted take or poll removes nothing.";
    }

    /** Two waiters of one kind, the first interrupted as the other side came: an item lost or doubled. */
    static String lostAtAnInterrupt(String what, String waiter, String outcome, List<?> out, List<?> in) {
        return what + " In one order of their steps " + waiter + "-1 " + outcome + ", and the items taken or left"
                + " in the buffer were " + out + ", but " + in + " went in: each item must come out exactly once.";
    }

    /** Two waiters of one kind, the first interrupted as the other side came: the second left waiting. */
    static String wakeUpSwallowedByInterrupt(String what, String waiter, String waitedFor, String schedule) {
        return what + " In one order of their steps " + waiter + "-2 was left waiting for ever beside the "
                + waitedFor + " it waits for:\n" + schedule + "\nWithout the interrupt nobody is left waiting: "
                + waiter + "-1 spent the wake-up meant for the change, then threw InterruptedException and used"
                + " nothing. Condition.await() returns normally, with the interrupt flag set, when the interrupt"
                + " comes after the signal: then go on and use the wake-up (the flag stays set). A waiter that"
                + " throws all the same must pass the wake-up on (signal() again before it throws), or wake them"
                + " all (signalAll()).";
    }

    static String overfilled(int capacity, Object detail) {
        return "Two producers called offer(item, 0, ms) on an empty buffer of capacity " + capacity + " at the"
                + " same time: " + detail + ". Check for room and add the item in one step under the lock (a"
                + " check outside the lock is stale by the time you add).";
    }
}
