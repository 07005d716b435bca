package kata.race;

import static org.junit.jupiter.api.Assertions.fail;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.util.List;
import kata.race.TwoCalls.Call;
import kata.support.Graded;
import kata.support.Visibility;
import kata.support.interleave.InterleavingFailure;
import kata.support.interleave.Interleavings;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Hidden checks: the compound operation under concurrency, with limits that leave room for one call,
 * for both, or for none, at small and large counts. Each compares what two calls at the same time
 * give with what the same counter gives when they come one after the other (see {@link TwoCalls}).
 */
class CounterHiddenTest {

    /**
     * Steps after which a schedule of two calls counts as looping for ever: a correct counter needs
     * a few dozen, a compareAndSet loop that can never succeed runs out of them.
     */
    private static final long STEPS = 100_000;
    /** Increments that get in between the buyer's steps: more than any fixed number of retries a student picks. */
    private static final int MANY = 300;

    /** Plain-mode accesses: an atomic's getPlain and setPlain, a VarHandle's get and set. */
    private static boolean isPlainMode(String owner, String method) {
        return owner.startsWith("java.util.concurrent.atomic.") && (method.equals("getPlain")
                || method.equals("setPlain"))
                || owner.equals("java.lang.invoke.VarHandle") && (method.equals("get") || method.equals("set"));
    }

    private static String plainModeAccess(List<String> calls) {
        return "The count is read or written in plain mode: " + String.join(", ", calls) + ". Plain mode"
                + " (getPlain, setPlain, VarHandle.get and set, even on a volatile field) orders nothing and makes"
                + " nothing visible to other threads; use get()/set() of the atomic, or getVolatile/setVolatile"
                + " (or getAcquire/setRelease) of the VarHandle.";
    }

    @Test
    @DisplayName("Two incrementIfBelow calls for the last seat at the same time: exactly one succeeds, in every order (at counts 0 and 5)")
    @Graded(id = "limit-any-schedule", points = 3, visibility = Visibility.AFTER_DUE_DATE, timeoutSeconds = 30)
    void lastSeatGoesToOneBuyer() {
        for (int start : new int[] {0, 5}) {
            new TwoCalls(start, "buyer-1", Call.incrementIfBelow(1), "buyer-2", Call.incrementIfBelow(1), false)
                    .check((calls, observed, orders) -> RaceFeedback.lastSeat(observed.first(), observed.second()));
        }
    }

    @Test
    @DisplayName("Two incrementIfBelow calls with room for both at the same time: both succeed, in every order (at counts 0 and 200); one with room for all succeeds however many increments get in first, even between every two of its steps")
    @Graded(id = "limit-with-room", points = 2, visibility = Visibility.AFTER_DUE_DATE, timeoutSeconds = 30)
    void roomForBothServesBoth() {
        for (int start : new int[] {0, 200}) {
            TwoCalls calls = new TwoCalls(start, "buyer-1", Call.incrementIfBelow(2), "buyer-2",
                    Call.incrementIfBelow(2), true);
            try {
                calls.check(Interleavings.everySchedule().maxSteps(STEPS), (two, observed, orders) ->
                        TwoCalls.resultsPossible(observed, orders) ? RaceFeedback.roomLostUpdate()
                                : RaceFeedback.roomRefused());
            } catch (InterleavingFailure failure) {
                if ("livelock".equals(failure.kind())) {
                    fail(RaceFeedback.neverReturned(start, start + 2, failure.getMessage()), failure);
                }
                throw failure;
            }
        }
        roomWhileTwoOthersGetIn();
    }

    /** One schedule of a buyer with room for all and two incrementers. */
    private static final class Room {
        final Counter counter = new Counter();
        /** The count the counter starts from: a count shared by every counter is judged by counts-alone. */
        final int base = counter.get();
        volatile boolean granted;
    }

    /**
     * incrementIfBelow(count + 3) while two other threads increment: room for all three, so it succeeds in
     * every order. Two preemptions let both increments get in between the buyer's reads and its
     * compareAndSets, which a loop that retries a fixed number of times does not survive. Then one buyer
     * and one thread that increments 300 times, the buyer preempted at every step while the other takes
     * 1, 2, 3 or 4 steps: an increment spans a few steps (two for incrementAndGet, four or more under a
     * lock), so at the k that covers it a whole increment gets in between every read and compareAndSet of
     * the buyer's, until the increments run out. Taking one step in turn instead would leave an increment
     * of two steps out of every other window, or of every window, by the parity of the buyer's steps. Only
     * a loop that retries until it succeeds (or a lock) passes. Only the refusal is judged here: a lost
     * update is the business of the checks about two calls.
     */
    private static void roomWhileTwoOthersGetIn() {
        Interleavings.everySchedule().preemptions(2).maxSteps(STEPS)
                .given(Room::new)
                .thread("buyer", room -> room.granted = room.counter.incrementIfBelow(room.base + 3))
                .thread("incrementer-1", room -> room.counter.increment())
                .thread("incrementer-2", room -> room.counter.increment())
                .check(room -> assertGranted(room, 3, "two other threads each called increment() once"));
        Interleavings.preemptingEveryStepOf("buyer").maxSteps(STEPS)
                .given(Room::new)
                .thread("buyer", room -> room.granted = room.counter.incrementIfBelow(room.base + MANY + 1))
                .thread("incrementer", room -> {
                    for (int i = 0; i < MANY; i++) {
                        room.counter.increment();
                    }
                })
                .check(room -> assertGranted(room, MANY + 1, "another thread called increment() " + MANY
                        + " times, taking a few steps of its own after each step of the buyer's, so that"
                        + " increments kept getting in between its read and its compareAndSet"));
    }

    private static void assertGranted(Room room, int headroom, String others) {
        if (!room.granted) {
            fail("incrementIfBelow(" + (room.base + headroom) + ") on a counter at " + room.base + " returned"
                    + " false, while " + others + ": the count ended at " + room.counter.get() + ", so there"
                    + " was room for all the calls. Other threads may change the count any number of times"
                    + " between your read and your compareAndSet: retry until it succeeds or the limit is"
                    + " reached, not a fixed number of times.");
        }
    }

    @Test
    @DisplayName("increment and incrementIfBelow(1) at the same time on a new counter lose no update, in every order")
    @Graded(id = "limit-with-increment", points = 2, visibility = Visibility.AFTER_DUE_DATE, timeoutSeconds = 30)
    void bothMethodsExcludeEachOther() {
        // Room for the limited call only if it comes first: whichever order, one count is right, and a
        // refusal is right when the increment came first, so a lost compareAndSet is judged elsewhere.
        new TwoCalls(0, "incrementer", Call.increment(), "limited", Call.incrementIfBelow(1), true)
                .check((calls, observed, orders) -> RaceFeedback.mixedLostUpdate());
        // The counts add up even when incrementIfBelow checks under its own lock and increment adds
        // without it; the incrementer's own get() then sees the limited call add after its check.
        try {
            new TwoCalls(0, "limited", Call.incrementIfBelow(1), "incrementer", Call.incrementThenGet(), false)
                    .check((calls, observed, orders) -> RaceFeedback.mixedNotAtomic());
        } catch (InterleavingFailure failure) {
            // The limited call is refused when the increment comes first: a refusal that keeps the lock
            // leaves get() waiting for ever, which refused-call judges, in its own words.
            if (!failure.noThreadCanContinue()) {
                throw failure;
            }
        }
    }

    /** Whether two increments at the same time lose an update without any refusal: two-increments' business. */
    private static boolean incrementsLoseAnUpdate() {
        try {
            new TwoCalls(3, "incrementer-1", Call.increment(), "incrementer-2", Call.increment(), true)
                    .check((calls, observed, orders) -> "lost without a refusal");
            return false;
        } catch (AssertionError lost) {
            return true;
        }
    }

    private static final String LOCK_OPENED_BY_REFUSAL = "After one refused incrementIfBelow, two increments at the"
            + " same time lost an update, which they do not on a counter without the refusal: the refused call"
            + " left the lock more open than it found it (a Semaphore released twice, say, lets two threads in at"
            + " once). Release exactly what the call acquired, once, in a finally block.";

    @Test
    @DisplayName("A refused incrementIfBelow changes nothing, not even for a moment, and leaves the counter to the other threads")
    @Graded(id = "refused-call", points = 2, visibility = Visibility.AFTER_DUE_DATE, timeoutSeconds = 30)
    void refusedCallChangesNothing() {
        try {
            new TwoCalls(3, "refused", Call.incrementIfBelow(0), "reader", Call.get(), false)
                    .check((calls, observed, orders) -> RaceFeedback.refusalSeen());
            new TwoCalls(3, "refused", Call.incrementIfBelow(0), "buyer", Call.incrementIfBelow(1), false)
                    .check((calls, observed, orders) -> RaceFeedback.refusalSeen());
            if (!incrementsLoseAnUpdate()) {
                new TwoCalls(3, true, "incrementer-1", Call.increment(), "incrementer-2", Call.increment(), true)
                        .check((calls, observed, orders) -> LOCK_OPENED_BY_REFUSAL);
            }
        } catch (InterleavingFailure failure) {
            if (failure.noThreadCanContinue()) {
                fail(RaceFeedback.lockKeptAfterRefusal(failure.getMessage()), failure);
            }
            throw failure;
        }
    }

    @Test
    @DisplayName("get() called while increment() and incrementIfBelow() run in other threads reads the count safely: under the lock they take, or a volatile or atomic count")
    @Graded(id = "get-thread-safe", points = 1, visibility = Visibility.AFTER_DUE_DATE, timeoutSeconds = 30)
    void getSeesWhatWritersWrote() {
        // A plain-mode read or write through an atomic or a VarHandle (getPlain, setPlain, VarHandle.get
        // and set) is no access the schedules below can see racing, and has no more ordering than a
        // plain field: the bytecode says it.
        JavaClasses classes = new ClassFileImporter()
                .importUrl(Counter.class.getProtectionDomain().getCodeSource().getLocation());
        List<String> plain = classes.stream().flatMap(type -> type.getMethodCallsFromSelf().stream())
                .filter(call -> isPlainMode(call.getTargetOwner().getName(), call.getTarget().getName()))
                .map(call -> call.getTargetOwner().getSimpleName() + "." + call.getTarget().getName() + "() in "
                        + call.getOrigin().getOwner().getSimpleName() + "." + call.getOrigin().getName() + " (line "
                        + call.getLineNumber() + ")")
                .distinct().toList();
        if (!plain.isEmpty()) {
            fail(RaceFeedback.racyGet(plainModeAccess(plain)));
        }
        try {
            Interleavings.everySchedule()
                    .detectingDataRaces()
                    .given(Counter::new)
                    .thread("incrementer", Counter::increment)
                    .thread("reader", Counter::get)
                    .run();
            Interleavings.everySchedule()
                    .detectingDataRaces()
                    .given(Counter::new)
                    .thread("buyer", counter -> counter.incrementIfBelow(1))
                    .thread("reader", Counter::get)
                    .run();
        } catch (InterleavingFailure failure) {
            if ("race".equals(failure.kind())) {
                fail(RaceFeedback.racyGet(failure.getMessage()), failure);
            }
            throw failure;
        }
    }
}
