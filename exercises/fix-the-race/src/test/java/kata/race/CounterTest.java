package kata.race;

import static org.junit.jupiter.api.Assertions.fail;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import kata.support.Graded;
import kata.support.interleave.Interleavings;
import kata.support.interleave.Scenario;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Public checks. The concurrent ones do not rely on luck: the kata agent lets them choose which
 * thread runs at each step, so a race shows up on every run, on any machine.
 *
 * <p>The concurrent checks count from where a counter starts ({@code get()} before the threads run),
 * so that a counter which does not start at 0 loses the check about starting at 0, not every check.
 */
class CounterTest {

    /** Fixed, so that the "random" schedule is the same on every run. */
    static final long SEED = 20_241_122L;

    @Test
    @DisplayName("One thread: a new counter starts at 0 and goes up by one per increment; every counter has its own count")
    @Graded(id = "counts-alone", points = 1)
    void countsFromOneThread() {
        Counter first = new Counter();
        expect("get() on a new counter", 0, first.get());

        first.increment();
        first.increment();
        first.increment();
        expect("get() after 3 increments", 3, first.get());

        Counter second = new Counter();
        if (second.get() != 0) {
            fail(RaceFeedback.sharedCount(second.get()));
        }
        second.increment();
        expect("get() on a second counter after its one increment", 1, second.get());
        expect("get() on the first counter after an increment of the second", 3, first.get());

        // A thread whose interrupt flag is set: lockInterruptibly() and tryLock(timeout) throw at once.
        Thread.currentThread().interrupt();
        try {
            first.increment();
        } finally {
            Thread.interrupted();
        }
        if (first.get() != 4) {
            fail(RaceFeedback.interruptedCall("increment()", "get() 4", "get() " + first.get()));
        }
    }

    @Test
    @DisplayName("One thread: incrementIfBelow adds one only while the count is below the limit (limits 0, -1, 1, 2, 3, 6, also below the count, and the smallest and largest int)")
    @Graded(id = "limit-alone", points = 1)
    void stopsAtTheLimitFromOneThread() {
        Counter counter = new Counter();
        int start = counter.get();
        List<String> steps = new ArrayList<>();

        limited(counter, start, steps, 0, false);
        limited(counter, start, steps, -1, false);
        limited(counter, start, steps, 2, true);
        limited(counter, start, steps, 2, true);
        limited(counter, start, steps, 2, false);
        limited(counter, start, steps, 1, false);
        for (int i = 0; i < 3; i++) {
            counter.increment();
            steps.add("increment()");
        }
        limited(counter, start, steps, 3, false);
        limited(counter, start, steps, 6, true);
        limited(counter, start, steps, 6, false);
        // The ends of int: a check written as a subtraction (limit - count > 0) overflows there.
        limited(counter, start, steps, Integer.MIN_VALUE - start, false);
        limited(counter, start, steps, Integer.MIN_VALUE + 1 - start, false);
        limited(counter, start, steps, Integer.MAX_VALUE - start, true);
        if (counter.get() - start != 7) {
            fail(RaceFeedback.limitSteps(steps, "the count", start + 7, counter.get()));
        }

        // A thread whose interrupt flag is set: lockInterruptibly() and tryLock(timeout) throw at once.
        Counter fresh = new Counter();
        int base = fresh.get();
        boolean added;
        Thread.currentThread().interrupt();
        try {
            added = fresh.incrementIfBelow(base + 1);
        } finally {
            Thread.interrupted();
        }
        if (!added || fresh.get() != base + 1) {
            fail(RaceFeedback.interruptedCall("incrementIfBelow(" + (base + 1) + ") at " + base,
                    "true and get() " + (base + 1), added + " and get() " + fresh.get()));
        }
    }

    /** One call of incrementIfBelow(start + offset), whose answer and effect must be as expected. */
    private static void limited(Counter counter, int start, List<String> steps, int offset, boolean expected) {
        int before = counter.get();
        int limit = start + offset;
        boolean answer = counter.incrementIfBelow(limit);
        String call = "incrementIfBelow(" + limit + ")";
        if (answer != expected) {
            fail(RaceFeedback.limitSteps(steps, call + " on a counter at " + before, expected, answer));
        }
        int after = counter.get();
        int wanted = expected ? before + 1 : before;
        if (after != wanted) {
            fail(RaceFeedback.limitSteps(steps, "the count after " + call + " returned " + answer + " on a counter at "
                    + before, wanted, after));
        }
        steps.add(call + " -> " + answer);
    }

    private static void expect(String what, int expected, int actual) {
        if (actual != expected) {
            fail(RaceFeedback.sequential(what, expected, actual));
        }
    }

    /** A counter and the count it started from. */
    record Work(Counter counter, int start) {
        Work() {
            this(new Counter());
        }

        private Work(Counter counter) {
            this(counter, counter.get());
        }

        int added() {
            return counter.get() - start;
        }

        /** A counter after one increment on a thread whose interrupt flag was set. */
        static Work afterInterruptedIncrement() {
            Counter counter = new Counter();
            Thread.currentThread().interrupt();
            try {
                counter.increment();
            } finally {
                Thread.interrupted();
            }
            return new Work(counter);
        }
    }

    @Test
    @DisplayName("5 threads x 1000 increments add exactly 5000 (the seed's race)")
    @Graded(id = "five-workers", points = 3, timeoutSeconds = 60)
    void fiveWorkersLoseNoIncrement() {
        Scenario<Work> scenario = Interleavings.randomSchedule(SEED).given(Work::new);
        for (int worker = 1; worker <= 5; worker++) {
            scenario = scenario.thread("worker-" + worker, work -> incrementTimes(work.counter(), 1000));
        }

        scenario.check(work -> {
            int added = work.added();
            if (added != 5000) {
                fail(RaceFeedback.lostIncrements(5, 1000, added) + boxedCountHint());
            }
        });
    }

    @Test
    @DisplayName("Two increments at the same time add 2, in every order of their steps, also after an increment on an interrupted thread")
    @Graded(id = "two-increments", points = 3, timeoutSeconds = 30)
    void twoIncrementsNeverLoseOne() {
        Interleavings.everySchedule()
                .given(Work::new)
                .thread("worker-1", work -> work.counter().increment())
                .thread("worker-2", work -> work.counter().increment())
                .check(work -> {
                    int added = work.added();
                    if (added != 2) {
                        fail(RaceFeedback.lostOneOfTwo(added) + boxedCountHint());
                    }
                });
        // An interrupted call that went on without the lock and then released it leaves the lock open.
        Interleavings.everySchedule()
                .given(Work::afterInterruptedIncrement)
                .thread("worker-1", work -> work.counter().increment())
                .thread("worker-2", work -> work.counter().increment())
                .check(work -> {
                    int added = work.added();
                    if (added != 2) {
                        fail(RaceFeedback.lockOpenedByInterruptedCall(added));
                    }
                });
    }

    /**
     * A count kept in a boxed field that is reassigned ({@code Integer count; synchronized (count)
     * { count++; }}) is a lock that changes under the threads' feet: said when increments were lost.
     */
    static String boxedCountHint() {
        for (Field field : Counter.class.getDeclaredFields()) {
            Class<?> type = field.getType();
            boolean boxed = type == Integer.class || type == Long.class || type == Short.class || type == Byte.class;
            if (boxed && !Modifier.isFinal(field.getModifiers())) {
                return "\n" + RaceFeedback.boxedCount(field.getName(), type.getSimpleName());
            }
        }
        return "";
    }

    static void incrementTimes(Counter counter, int times) {
        for (int i = 0; i < times; i++) {
            counter.increment();
        }
    }
}
