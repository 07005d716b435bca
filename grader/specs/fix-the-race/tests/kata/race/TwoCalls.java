package kata.race;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import kata.support.interleave.Exploration;
import kata.support.interleave.Interleavings;

/**
 * Two calls on one counter at the same time, in every order of their steps, judged against what the
 * same counter does when the two calls come one after the other. A counter whose calls are atomic
 * always ends as one of those two orders would leave it; one that is not shows an outcome no order
 * gives. Comparing with the student's own one-at-a-time answers keeps these checks about atomicity:
 * a wrong answer to a single call (an off-by-one limit, say) is the one-thread checks' business.
 *
 * <p>Limits are given relative to the count the counter starts from, so a counter that does not start
 * at 0 is judged by the check about starting at 0 only.
 */
final class TwoCalls {

    /** One call a thread makes on the counter. */
    record Call(Kind kind, int offset) {
        enum Kind { INCREMENT, GET, INCREMENT_IF_BELOW, INCREMENT_THEN_GET }

        static Call increment() {
            return new Call(Kind.INCREMENT, 0);
        }

        static Call get() {
            return new Call(Kind.GET, 0);
        }

        /** increment(), then get() on the same thread. */
        static Call incrementThenGet() {
            return new Call(Kind.INCREMENT_THEN_GET, 0);
        }

        /** incrementIfBelow(start + offset). */
        static Call incrementIfBelow(int offset) {
            return new Call(Kind.INCREMENT_IF_BELOW, offset);
        }

        /** Makes the call; a count it returns is given relative to {@code base}. */
        Object make(Counter counter, int base) {
            return switch (kind) {
                case INCREMENT -> {
                    counter.increment();
                    yield null;
                }
                case GET -> counter.get() - base;
                case INCREMENT_IF_BELOW -> counter.incrementIfBelow(base + offset);
                case INCREMENT_THEN_GET -> {
                    counter.increment();
                    yield counter.get() - base;
                }
            };
        }

        String text(int base) {
            return switch (kind) {
                case INCREMENT -> "increment()";
                case GET -> "get()";
                case INCREMENT_IF_BELOW -> "incrementIfBelow(" + (base + offset) + ")";
                case INCREMENT_THEN_GET -> "increment() then get()";
            };
        }

        /** What the call gave, in words ("returned true", "returned 3", "returned"). */
        String gave(Object result, int base) {
            return switch (kind) {
                case INCREMENT -> "returned";
                case GET -> "returned " + (base + (Integer) result);
                case INCREMENT_IF_BELOW -> "returned " + result;
                case INCREMENT_THEN_GET -> "returned " + (base + (Integer) result);
            };
        }
    }

    /**
     * What two calls gave: their results and, when it is read, the count afterwards (counts relative
     * to the start).
     */
    record Outcome(Object first, Object second, Integer count) {
    }

    /** Says why an outcome no one-at-a-time order gives is wrong, for the check's message. */
    @FunctionalInterface
    interface Diagnosis {
        String why(TwoCalls calls, Outcome observed, Set<Outcome> orders);
    }

    private final String firstName;
    private final Call first;
    private final String secondName;
    private final Call second;
    private final int start;
    private final boolean readsCount;
    private final boolean refusalFirst;
    private Set<Outcome> orders;

    /**
     * @param start      increments made on a new counter before the two calls
     * @param readsCount whether the second thread reads the count once both calls have returned; it
     *                   reads it itself (not the test) so that a lock the first thread left held
     *                   shows as a thread stuck under the scheduler, where a check that wants it judges it
     */
    TwoCalls(int start, String firstName, Call first, String secondName, Call second, boolean readsCount) {
        this(start, false, firstName, first, secondName, second, readsCount);
    }

    /**
     * @param refusalFirst whether one refused incrementIfBelow is made, on the test's thread, after the
     *                     increments and before the two calls: a refusal that leaves the counter's
     *                     lock more open than it found it (a permit released twice) shows in the calls
     */
    TwoCalls(int start, boolean refusalFirst, String firstName, Call first, String secondName, Call second,
            boolean readsCount) {
        this.start = start;
        this.refusalFirst = refusalFirst;
        this.firstName = firstName;
        this.first = first;
        this.secondName = secondName;
        this.second = second;
        this.readsCount = readsCount;
    }

    /** One schedule's counter and what its threads saw. */
    private static final class Table {
        final Counter counter = new Counter();
        final int base;
        final CountDownLatch firstReturned = new CountDownLatch(1);
        volatile Object first;
        volatile Object second;
        volatile Integer count;

        Table(int start, boolean refusalFirst) {
            for (int i = 0; i < start; i++) {
                counter.increment();
            }
            base = counter.get();
            if (refusalFirst) {
                counter.incrementIfBelow(base);
            }
        }
    }

    /** Runs every schedule; fails with the diagnosis for the first outcome that no order gives. */
    void check(Exploration exploration, Diagnosis diagnosis) {
        exploration.given(() -> new Table(start, refusalFirst))
                .thread(firstName, table -> {
                    try {
                        table.first = first.make(table.counter, table.base);
                    } finally {
                        table.firstReturned.countDown();
                    }
                })
                .thread(secondName, table -> {
                    table.second = second.make(table.counter, table.base);
                    if (readsCount) {
                        table.firstReturned.await();
                        table.count = table.counter.get() - table.base;
                    }
                })
                .check(table -> {
                    Outcome observed = new Outcome(table.first, table.second, table.count);
                    Set<Outcome> possible = orders();
                    if (!possible.contains(observed)) {
                        fail(describe(table.base, observed, possible) + "\n" + diagnosis.why(this, observed, possible));
                    }
                });
    }

    void check(Diagnosis diagnosis) {
        check(Interleavings.everySchedule(), diagnosis);
    }

    /** The outcomes of the two orders one after the other, each on a new counter (once per check). */
    private Set<Outcome> orders() {
        if (orders == null) {
            Set<Outcome> both = new LinkedHashSet<>();
            both.add(inOrder(true));
            both.add(inOrder(false));
            orders = both;
        }
        return orders;
    }

    private Outcome inOrder(boolean firstFirst) {
        Table table = new Table(start, refusalFirst);
        Object a;
        Object b;
        if (firstFirst) {
            a = first.make(table.counter, table.base);
            b = second.make(table.counter, table.base);
        } else {
            b = second.make(table.counter, table.base);
            a = first.make(table.counter, table.base);
        }
        return new Outcome(a, b, readsCount ? table.counter.get() - table.base : null);
    }

    /** "incrementIfBelow(4) and get() ran at the same time on a counter at 3: ..." */
    String describe(int base, Outcome observed, Set<Outcome> possible) {
        List<String> alternatives = new ArrayList<>();
        for (Outcome order : possible) {
            alternatives.add(render(base, order));
        }
        return first.text(base) + " and " + second.text(base) + " ran at the same time on a counter at " + base
                + (refusalFirst ? " after a refused incrementIfBelow(" + base + ")" : "")
                + ": " + render(base, observed) + ".\nOne after the other, your counter gives "
                + String.join(" or ", alternatives) + " (depending on which call comes first), and a correct"
                + " counter gives one of these whatever the order of the threads' steps.";
    }

    private String render(int base, Outcome outcome) {
        String text = first.text(base) + " " + first.gave(outcome.first(), base) + ", " + second.text(base) + " "
                + second.gave(outcome.second(), base);
        return outcome.count() == null ? text : text + ", count " + (base + outcome.count());
    }

    /** True when some one-at-a-time order gives these results (the count aside). */
    static boolean resultsPossible(Outcome observed, Set<Outcome> orders) {
        for (Outcome order : orders) {
            if (Objects.equals(order.first(), observed.first()) && Objects.equals(order.second(), observed.second())) {
                return true;
            }
        }
        return false;
    }
}
