package kata.race;

import java.util.List;

/** What the fix-the-race checks tell a student when they fail: what was observed, and why. */
final class RaceFeedback {

    static final String MAKE_ATOMIC = "Make the read-add-write one indivisible step: a synchronized method,"
            + " a java.util.concurrent.locks.Lock, or AtomicInteger.incrementAndGet().";

    private RaceFeedback() {
    }

    static String sequential(String what, Object expected, Object actual) {
        return what + ": expected " + expected + ", got " + actual + ".";
    }

    static String sharedCount(int secondStart) {
        return "A second new counter, made after the first one had counted to 3, starts at " + secondStart
                + " instead of 0: the two counters share one count.\nEvery Counter needs a count of its own: an"
                + " instance field, not a static one.";
    }

    static String limitSteps(List<String> steps, String what, Object expected, Object actual) {
        String before = steps.isEmpty() ? "On a new counter" : "On a new counter, after " + String.join(", ", steps);
        return before + ": " + what + " should be " + expected + ", but it is " + actual + ".\nincrementIfBelow(limit)"
                + " adds one and returns true only when the count is below the limit (count < limit); otherwise it"
                + " changes nothing and returns false.";
    }

    static String lostIncrements(int threads, int each, int added) {
        int expected = threads * each;
        return threads + " threads each called increment() " + each + " times, so the count should have gone up by "
                + expected + ", but it went up by " + added + " (" + (expected - added) + " increments lost).\n"
                + "This is the seed's race: two threads read the same old count, both add one, and the"
                + " second write overwrites the first.\n" + MAKE_ATOMIC;
    }

    static String lostOneOfTwo(int added) {
        return "Two threads each called increment() once, at the same time, and the count went up by " + added
                + ", not 2: one increment was lost.\nBoth threads read the count before either wrote it back"
                + " (see the steps below). " + MAKE_ATOMIC;
    }

    static String boxedCount(String field, String type) {
        return "Your count is a field of type " + type + " (" + field + "). If you lock it (synchronized (" + field
                + ")): every " + field + "++ puts a new " + type + " object in the field, so the next thread locks"
                + " another object than the one the first still holds, and both are inside at once. Lock an object"
                + " that never changes (a private final Object, or the counter itself).";
    }

    static String lastSeat(Object first, Object second) {
        if (Boolean.TRUE.equals(first) && Boolean.TRUE.equals(second)) {
            return "Both calls got the one free seat: each thread checked that the count was below the limit"
                    + " before either added one (check-then-act). Checking and adding must be one indivisible"
                    + " step: do both while holding one lock, or loop on compareAndSet(seen, seen + 1), checking the"
                    + " limit again each time round.";
        }
        return "Neither call got the free seat: a call gave up because another thread was busy with the counter"
                + " (a compareAndSet that failed, say) instead of trying again. Only a count that has reached the"
                + " limit is a reason to refuse.";
    }

    static String roomRefused() {
        return "A call was refused although the limit left room for both. A compareAndSet that fails only means"
                + " that another thread changed the count first, which is no reason to refuse: read the count again,"
                + " check the limit again and retry until the compareAndSet succeeds or the limit is reached.";
    }

    static String roomLostUpdate() {
        return "Both calls succeeded, but the count did not go up by 2: an update was lost. Checking, reading and"
                + " adding must be one indivisible step.";
    }

    static String neverReturned(int start, int limit, String details) {
        return "incrementIfBelow(" + limit + ") on a counter at " + start + " never returned: the threads kept"
                + " looping although there was room for both calls.\nA compareAndSet loop that fails even when no"
                + " other thread changes the count compares the wrong things. If the count is an"
                + " AtomicReference<Integer>: compareAndSet compares references, and from 128 on every boxing of an"
                + " int makes a new Integer, so compareAndSet(seen, seen + 1) with a re-boxed int never matches. Use"
                + " AtomicInteger, or pass compareAndSet the very Integer object you read.\n" + details;
    }

    static String lockOpenedByInterruptedCall(int added) {
        return "After one increment() on a thread whose interrupt flag was set, two threads each called increment()"
                + " once, at the same time, and the count went up by " + added + ", not 2: the interrupted call left"
                + " the lock more open than it found it. Semaphore.acquire() and lockInterruptibly() throw at once on"
                + " an interrupted thread; a call that catches that, goes on and then releases in its finally gives"
                + " back a permit it never took, and two threads get in at once. Take the lock with lock(),"
                + " acquireUninterruptibly() or synchronized, and release only what you acquired.";
    }

    static String interruptedCall(String call, String expected, String actual) {
        return "On a thread whose interrupt flag was set, " + call + " should give " + expected + ", but it gave "
                + actual + ". The README's methods do not throw InterruptedException, so an interrupt must not"
                + " make them skip their work: lockInterruptibly() and tryLock(timeout) throw at once on such a"
                + " thread; use lock() (or synchronized, or an atomic), which an interrupt does not stop.";
    }

    static String mixedNotAtomic() {
        return "incrementIfBelow() returned true, but the other thread's increment() and its get() right after it"
                + " saw the count before that add: the limited call checked the count, the increment came in"
                + " between, and only then did it add, so no order of the two calls gives what was seen. Check and"
                + " add must be one step against increment() too: the same lock around both methods' changes, or"
                + " the same atomic variable (a compareAndSet loop) in both.";
    }

    static String mixedLostUpdate() {
        return "An update was lost: increment() and incrementIfBelow() change the same count, so they must exclude"
                + " each other: guard both with the same lock, or use the same atomic variable in both.";
    }

    static String refusalSeen() {
        return "The call that had to be refused changed the count for a moment, and the other thread saw it."
                + " A refused call must change nothing, not even for a moment: a call that adds first and takes the"
                + " one back when it finds the limit passed lets other threads see the count above the limit, and"
                + " refuses them when they should succeed. Check before you add, in one indivisible step (a lock, or"
                + " a compareAndSet loop).";
    }

    static String lockKeptAfterRefusal(String details) {
        return "After incrementIfBelow returned false, the other thread could never use the counter again: the"
                + " refusing call returned without releasing its lock. Release a lock in a finally block (lock();"
                + " try { ... } finally { unlock(); }), so that every way out of the method releases it.\n" + details;
    }

    static String racyGet(String details) {
        return "get() read the count while another thread was changing it, without the lock the writer took and"
                + " without a volatile or atomic count: nothing makes the writer's change visible to the reader, so"
                + " it may read a stale count, and a loop that polls get() may never see it change. Take the same"
                + " lock in get() as in the methods that change the count (or keep the count volatile / atomic).\n"
                + details;
    }
}
