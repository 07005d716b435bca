package kata.buffer;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import kata.support.Graded;
import kata.support.interleave.Controlled;
import kata.support.interleave.Interleavings;
import kata.support.threads.Call;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Public checks. Producers and consumers are the test's own threads, run under the scheduler: before
 * a check looks, every thread has got as far as it can (finished, or waiting for room, an item or
 * time), so "put waits on a full buffer" is an exact observation, the same on every run and on any
 * number of CPUs. Time is virtual: a timeout of two seconds costs nothing and ends exactly when due.
 */
class BoundedBufferTest {

    /** How long a call may take to finish once it can, in virtual time: only one never woken comes near it. */
    static final Duration PATIENCE = Duration.ofMinutes(10);

    /** A timed call may give up this much later than its timeout. */
    static final Duration LATE = Duration.ofMillis(100);

    /** ... and this much earlier (a deadline kept in whole milliseconds). */
    static final Duration EARLY = Duration.ofMillis(1);

    /** Timeouts of poll and offer that must run out: milliseconds, seconds, below a millisecond, zero, negative. */
    static final List<Timeout> TIMEOUTS = List.of(new Timeout(200, TimeUnit.MILLISECONDS),
            new Timeout(2, TimeUnit.SECONDS), new Timeout(500, TimeUnit.MICROSECONDS),
            new Timeout(0, TimeUnit.MILLISECONDS), new Timeout(-1, TimeUnit.SECONDS),
            new Timeout(-5, TimeUnit.MILLISECONDS));

    record Timeout(long amount, TimeUnit unit) {
        /** How long the call may wait: a negative timeout, like 0, not at all. */
        Duration duration() {
            return Duration.ofNanos(Math.max(0, unit.toNanos(amount)));
        }

        String text() {
            return amount + " " + unit.name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    @Test
    @DisplayName("One thread: items come out in the order they went in (also round the end of the storage), size() counts them, offer and poll with timeout 0 succeed when they can")
    @Graded(id = "fifo-alone", points = 1, timeoutSeconds = 30)
    void firstInFirstOutFromOneThread() throws InterruptedException {
        BoundedBuffer<String> buffer = new BoundedBuffer<>(3);

        buffer.put("a");
        buffer.put("b");
        buffer.put("c");
        expect("size() after put(a), put(b), put(c)", 3, buffer.size());
        List<String> taken = new ArrayList<>();
        taken.add(buffer.take());
        buffer.put("d");
        taken.add(buffer.take());
        expect("offer(e, 0 ms) with one slot free", true, buffer.offer("e", 0, TimeUnit.MILLISECONDS));
        taken.add(buffer.take());
        taken.add(buffer.poll(0, TimeUnit.MILLISECONDS));
        taken.add(buffer.poll(1, TimeUnit.SECONDS));
        expect("put a, b, c; take; put d; take; offer e; take; poll(0); poll(1 s): the items taken",
                List.of("a", "b", "c", "d", "e"), taken);
        expect("size() after taking everything", 0, buffer.size());
        expect("poll(0 ms) on an empty buffer", null, buffer.poll(0, TimeUnit.MILLISECONDS));
    }

    static void expect(String what, Object expected, Object actual) {
        if (!java.util.Objects.equals(expected, actual)) {
            fail(BufferFeedback.sequential(what, expected, actual));
        }
    }

    @Test
    @DisplayName("Buffers of capacity 1, 2 and 3, full: two put calls wait (also after a spurious wake-up); each take lets exactly one of them go on; FIFO order")
    @Graded(id = "put-blocks-when-full", points = 2, timeoutSeconds = 60)
    void putWaitsWhileFull() throws Exception {
        Controlled.run(() -> {
            for (int capacity = 1; capacity <= 3; capacity++) {
                putWaitsWhileFull(capacity);
            }
        });
    }

    private static void putWaitsWhileFull(int capacity) throws InterruptedException {
        BoundedBuffer<String> buffer = new BoundedBuffer<>(capacity);
        List<String> first = fill(buffer, capacity);
        List<Call<Void>> producers = List.of(Call.run("producer-1", () -> buffer.put("p1")),
                Call.run("producer-2", () -> buffer.put("p2")));
        try {
            Controlled.settleAllowingBusyWaits();
            if (!Call.ended(producers).isEmpty()) {
                rethrowUnchecked(producers);
                fail(BufferFeedback.putDidNotBlock(capacity, Call.ended(producers)));
            }
            Controlled.wakeSpuriously(producers.get(0).thread());
            Controlled.settleAllowingBusyWaits();
            if (!Call.ended(producers).isEmpty()) {
                rethrowUnwritten(producers);
                fail(BufferFeedback.wentOnAfterSpuriousWakeUp("producer-1",
                        "put(p1) on a full buffer of capacity " + capacity, outcome(producers.get(0))));
            }
            List<String> taken = new ArrayList<>();
            for (int round = 1; round <= 2; round++) {
                taken.add(takeOnce(buffer));
                String what = "Capacity " + capacity + ", full, " + (3 - round) + " producer(s) waiting in put: "
                        + "take() number " + round + " made room for one item";
                awaitEnded(producers, round, what);
                Controlled.settleAllowingBusyWaits();
                if (Call.ended(producers).size() > round) {
                    fail(BufferFeedback.tooManyWent(what, Call.ended(producers)));
                }
            }
            rethrowUnchecked(producers);
            for (Call<Void> producer : producers) {
                producer.thrown().ifPresent(thrown -> fail(producer.name() + " threw " + thrown, thrown));
            }
            for (int i = 0; i < capacity; i++) {
                taken.add(takeOnce(buffer));
            }
            List<String> expected = new ArrayList<>(first);
            String firstIn = producers.get(0).endNanos() <= producers.get(1).endNanos() ? "p1" : "p2";
            expected.add(firstIn);
            expected.add(firstIn.equals("p1") ? "p2" : "p1");
            if (!taken.equals(expected) && !(taken.subList(0, capacity).equals(first)
                    && taken.subList(capacity, capacity + 2).containsAll(List.of("p1", "p2")))) {
                fail(BufferFeedback.gotWrongItem("Capacity " + capacity + ": filled with " + first + ", then two"
                        + " waiting producers put p1 and p2; everything taken in order", expected, taken));
            }
        } finally {
            Call.stop(producers);
        }
    }

    /** Puts {@code capacity} items into a new buffer from a thread of its own; fails if one of them waits. */
    static List<String> fill(BoundedBuffer<String> buffer, int capacity) throws InterruptedException {
        List<String> items = new ArrayList<>();
        for (int i = 1; i <= capacity; i++) {
            items.add("i" + i);
        }
        int[] added = new int[1];
        Call<Void> filler = Call.run("filler", () -> {
            for (String item : items) {
                buffer.put(item);
                added[0]++;
            }
        });
        if (!filler.awaitEnd(PATIENCE)) {
            String where = filler.where();
            Call.stop(List.of(filler));
            fail(BufferFeedback.fillBlocked(capacity, added[0], where));
        }
        rethrowUnchecked(List.of(filler));
        filler.thrown().ifPresent(thrown -> fail("put(item) on a buffer with room threw " + thrown, thrown));
        return items;
    }

    /** A take() made by the test, on a thread of its own so that one that waits for ever is reported. */
    static String takeOnce(BoundedBuffer<String> buffer) throws InterruptedException {
        Call<String> take = Call.start("taker", buffer::take);
        if (!take.awaitEnd(PATIENCE)) {
            String where = take.where();
            Call.stop(List.of(take));
            fail("take() on a buffer that should hold items waited for " + BufferFeedback.describe(PATIENCE)
                    + ":\n  " + where);
        }
        rethrowUnchecked(List.of(take));
        take.thrown().ifPresent(thrown -> fail("take() threw " + thrown, thrown));
        return take.result();
    }

    /** Waits (virtual time) until {@code count} of the calls have ended; fails with where the others wait. */
    static void awaitEnded(List<? extends Call<?>> calls, int count, String what) throws InterruptedException {
        long deadline = Controlled.nanoTime() + PATIENCE.toNanos();
        while (Call.ended(calls).size() < count && Controlled.nanoTime() < deadline) {
            Controlled.settleAllowingBusyWaits();
            if (Call.ended(calls).size() < count) {
                TimeUnit.SECONDS.sleep(1);
            }
        }
        if (Call.ended(calls).size() < count) {
            StringBuilder where = new StringBuilder();
            for (Call<?> call : calls) {
                if (!call.ended()) {
                    where.append(where.length() == 0 ? "" : "\n").append("  \"").append(call.name())
                            .append("\" waits at ").append(call.where());
                }
            }
            fail(BufferFeedback.notWoken(what, Call.waiting(calls), where.toString()));
        }
    }

    /** Throws an unwritten method's UnsupportedOperationException, so that its message reaches the student. */
    static void rethrowUnwritten(List<? extends Call<?>> calls) {
        for (Call<?> call : calls) {
            if (call.thrown().orElse(null) instanceof UnsupportedOperationException unwritten) {
                throw unwritten;
            }
        }
    }

    /** How a call ended, for a message. */
    static String outcome(Call<?> call) {
        if (!call.ended()) {
            return "was still waiting";
        }
        return call.thrown().map(thrown -> "threw " + thrown).orElse("returned " + call.result());
    }

    /** Throws what the first call threw when it is unchecked: an unwritten method's message reaches the student. */
    static void rethrowUnchecked(List<? extends Call<?>> calls) {
        for (Call<?> call : calls) {
            Throwable thrown = call.thrown().orElse(null);
            if (thrown instanceof RuntimeException unchecked) {
                throw unchecked;
            }
            if (thrown instanceof Error error) {
                throw error;
            }
        }
    }

    @Test
    @DisplayName("Two take calls on an empty buffer wait (also after a spurious wake-up); each put lets exactly one of them go on with its item")
    @Graded(id = "take-blocks-when-empty", points = 2, timeoutSeconds = 60)
    void takeWaitsWhileEmpty() throws Exception {
        Controlled.run(() -> {
            BoundedBuffer<String> buffer = new BoundedBuffer<>(2);
            List<Call<String>> consumers = List.of(Call.start("consumer-1", buffer::take),
                    Call.start("consumer-2", buffer::take));
            try {
                Controlled.settleAllowingBusyWaits();
                for (Call<String> consumer : consumers) {
                    if (consumer.ended()) {
                        rethrowUnchecked(consumers);
                        fail(BufferFeedback.takeDidNotBlock(consumer.name(), consumer.thrown()
                                .map(thrown -> "threw " + thrown).orElse("returned " + consumer.result())));
                    }
                }
                Controlled.wakeSpuriously(consumers.get(0).thread());
                Controlled.settleAllowingBusyWaits();
                if (!Call.ended(consumers).isEmpty()) {
                    rethrowUnwritten(consumers);
                    fail(BufferFeedback.wentOnAfterSpuriousWakeUp("consumer-1", "take() on an empty buffer",
                            outcome(consumers.get(0))));
                }
                List<String> items = List.of("x", "y");
                for (int round = 1; round <= 2; round++) {
                    String item = items.get(round - 1);
                    Call<Void> put = Call.run("producer", () -> buffer.put(item));
                    awaitEnded(List.of(put), 1, "put(" + item + ") into a buffer with room");
                    String what = (3 - round) + " consumer(s) waiting in take() on an empty buffer: put(" + item
                            + ") brought one item";
                    awaitEnded(consumers, round, what);
                    Controlled.settleAllowingBusyWaits();
                    if (Call.ended(consumers).size() > round) {
                        fail(BufferFeedback.tooManyWent(what, Call.ended(consumers)));
                    }
                }
                rethrowUnchecked(consumers);
                List<Object> got = new ArrayList<>();
                for (Call<String> consumer : consumers) {
                    got.add(consumer.thrown().isPresent() ? consumer.thrown().get() : consumer.result());
                }
                if (!(got.containsAll(items) && got.size() == 2)) {
                    fail(BufferFeedback.gotWrongItem("Two waiting consumers, then put(x) and put(y): what the"
                            + " consumers got", "x and y", got));
                }
                expect("size() after that", 0, buffer.size());
            } finally {
                Call.stop(consumers);
            }
        });
    }

    @Test
    @DisplayName("poll on an empty buffer returns null and offer on a full one returns false (leaving it as it was), each once its timeout of 200 ms, 2 s, 500 µs or 0 has passed, and at once for -1 s and -5 ms")
    @Graded(id = "timeouts", points = 2, timeoutSeconds = 60)
    void timedCallsGiveUp() throws Exception {
        Controlled.run(() -> {
            // A start between two milliseconds: a deadline kept in whole milliseconds shows.
            TimeUnit.MICROSECONDS.sleep(300);
            for (Timeout timeout : TIMEOUTS) {
                BoundedBuffer<String> empty = new BoundedBuffer<>(2);
                String poll = "poll(" + timeout.text() + ") on an empty buffer";
                Call<String> polling = Call.start("poller", () -> empty.poll(timeout.amount(), timeout.unit()));
                expectGaveUp(polling, poll, timeout, null, "");

                BoundedBuffer<String> full = new BoundedBuffer<>(2);
                List<String> items = fill(full, 2);
                String offer = "offer(x, " + timeout.text() + ") on a full buffer of capacity 2";
                Call<Boolean> offering = Call.start("offerer", () -> full.offer("x", timeout.amount(), timeout.unit()));
                expectGaveUp(offering, offer, timeout, false, "");
                List<String> after = new ArrayList<>();
                for (int i = 0; i < 2; i++) {
                    after.add(takeOnce(full));
                }
                Call<String> rest = Call.start("checker", () -> full.poll(0, TimeUnit.MILLISECONDS));
                rest.awaitEnd(PATIENCE);
                if (rest.result() != null) {
                    after.add(rest.result());
                }
                if (!after.equals(items)) {
                    fail(BufferFeedback.offerChangedFullBuffer(offer, items, after));
                }
            }
        });
    }

    /** The timed call must end with {@code expected}, within [timeout - EARLY, timeout + LATE]. */
    static void expectGaveUp(Call<?> call, String what, Timeout timeout, Object expected, String extra)
            throws InterruptedException {
        try {
            if (!call.awaitEnd(PATIENCE)) {
                fail(timeout.amount() < 0 ? BufferFeedback.negativeTimeoutWaited(what, PATIENCE, call.where())
                        : BufferFeedback.neverGaveUp(what, PATIENCE, call.where()));
            }
            rethrowUnchecked(List.of(call));
            call.thrown().ifPresent(thrown -> fail(what + " threw " + thrown, thrown));
            if (!java.util.Objects.equals(expected, call.result())) {
                fail(BufferFeedback.wrongTimedResult(what, expected, call.result()));
            }
            // A millisecond of rounding is tolerated, but a positive timeout waits: 500 µs cut down to 0 ms does not.
            if (call.took().compareTo(timeout.duration().minus(EARLY)) < 0
                    || timeout.duration().compareTo(Duration.ZERO) > 0 && call.took().isZero()) {
                fail(BufferFeedback.gaveUpEarly(what, call.took(), extra));
            }
            if (call.took().compareTo(timeout.duration().plus(LATE)) > 0) {
                fail(BufferFeedback.gaveUpLate(what, call.took(), extra));
            }
        } finally {
            Call.stop(List.of(call));
        }
    }

    /**
     * What one schedule of the scenario starts from, and what its consumers got. Room for every item,
     * so that only consumers ever wait.
     */
    record Exchange(BoundedBuffer<String> buffer, List<String> taken) {
        Exchange() {
            this(new BoundedBuffer<>(2), new CopyOnWriteArrayList<>());
        }
    }

    @Test
    @DisplayName("2 producers and 2 waiting consumers: each item is taken exactly once, in every order")
    @Graded(id = "no-item-lost", points = 3, timeoutSeconds = 90)
    void severalProducersAndConsumersLoseNothing() {
        Interleavings.everySchedule().preemptions(1).preemptingOnlyAtSynchronization()
                .given(Exchange::new)
                .thread("consumer-1", exchange -> exchange.taken().add(exchange.buffer().take()))
                .thread("consumer-2", exchange -> exchange.taken().add(exchange.buffer().take()))
                .thread("producer-1", exchange -> exchange.buffer().put("a"))
                .thread("producer-2", exchange -> exchange.buffer().put("b"))
                .check(exchange -> {
                    List<String> taken = new ArrayList<>(exchange.taken());
                    if (taken.size() != 2 || !taken.containsAll(List.of("a", "b"))) {
                        fail(BufferFeedback.itemsLostOrDuplicated(
                                "2 producers put a and b, 2 consumers took one item each", taken, List.of("a", "b")));
                    }
                });
    }
}
