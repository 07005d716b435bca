package kata.buffer;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import kata.buffer.BoundedBufferTest.Timeout;
import kata.support.Graded;
import kata.support.Visibility;
import kata.support.interleave.Controlled;
import kata.support.interleave.InterleavingFailure;
import kata.support.interleave.Interleavings;
import kata.support.interleave.Scenario;
import kata.support.threads.Call;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Hidden checks: exact capacity of independent buffers, quiet waiting, timed calls that wait for
 * their chance and survive early wake-ups, interrupts, no lost wake-up and no unlocked access in any
 * order of the threads' steps.
 */
class BoundedBufferHiddenTest {

    @Test
    @DisplayName("Buffers of capacity 1, 2 and 5 hold exactly that many items; two buffers do not share their items or count, and calls on two buffers never wait for each other (no shared lock)")
    @Graded(id = "capacity-exact", points = 1, visibility = Visibility.AFTER_DUE_DATE, timeoutSeconds = 30)
    void holdsExactlyItsCapacity() throws InterruptedException {
        for (int capacity : new int[] {1, 2, 5}) {
            BoundedBuffer<Integer> buffer = new BoundedBuffer<>(capacity);
            int accepted = 0;
            while (accepted < 10 && buffer.offer(accepted, 0, TimeUnit.MILLISECONDS)) {
                accepted++;
            }
            if (accepted != capacity) {
                fail(BufferFeedback.capacityWrong(capacity, accepted));
            }
        }
        BoundedBuffer<String> a = new BoundedBuffer<>(2);
        a.put("a");
        BoundedBuffer<String> b = new BoundedBuffer<>(2);
        independent("B.size()", 0, b.size());
        independent("B.poll(0 ms)", null, b.poll(0, TimeUnit.MILLISECONDS));
        independent("B.offer(x, 0 ms) then B.offer(y, 0 ms)", true,
                b.offer("x", 0, TimeUnit.MILLISECONDS) && b.offer("y", 0, TimeUnit.MILLISECONDS));
        independent("A.size() after that", 1, a.size());
        independent("A.take()", "a", a.take());
        independent("B.take(), B.take()", List.of("x", "y"), List.of(b.take(), b.take()));
        noStaticState();
        noSharedLock();
    }

    /**
     * "No lock state": a lock shared without a static field (a String literal, which is interned, or
     * a Class object) makes every buffer wait for every other, while each one alone behaves. Each
     * thread uses a buffer of its own, preempted at every step (a paused put or take holds its lock).
     */
    private static void noSharedLock() {
        Interleavings.everySchedule().preemptions(1)
                .forbidWaiting("buffers A and B share nothing, so a call on one must never wait for a call on the"
                        + " other: they share their lock. Give each buffer a lock of its own, a new Object() or a"
                        + " new ReentrantLock() in an instance field (a String literal is one object shared by the"
                        + " whole JVM, since literals are interned)")
                .given(() -> List.of(new BoundedBuffer<String>(1), new BoundedBuffer<String>(1)))
                .thread("user-of-A", two -> {
                    two.get(0).put("a");
                    two.get(0).take();
                })
                .thread("user-of-B", two -> {
                    two.get(1).put("b");
                    two.get(1).take();
                })
                .run();
    }

    /**
     * "No static": state that two buffers share (a static lock, condition or count) may not show in
     * one test's behaviour (with notifyAll() it only makes buffers wait for each other), so the
     * classes are read: a static field is allowed only as a constant (final, of a primitive, String
     * or enum type).
     */
    private static void noStaticState() {
        JavaClasses classes = new ClassFileImporter()
                .importUrl(BoundedBuffer.class.getProtectionDomain().getCodeSource().getLocation());
        for (JavaClass owner : classes) {
            if (!owner.getPackageName().equals("kata.buffer")) {
                continue;
            }
            for (JavaField field : owner.getFields()) {
                Set<JavaModifier> modifiers = field.getModifiers();
                if (modifiers.contains(JavaModifier.STATIC) && !modifiers.contains(JavaModifier.SYNTHETIC)
                        && !(modifiers.contains(JavaModifier.FINAL) && isConstantType(field.getRawType()))) {
                    fail(BufferFeedback.staticState(owner.getSimpleName() + "." + field.getName(),
                            field.getRawType().getSimpleName()));
                }
            }
        }
    }

    private static boolean isConstantType(JavaClass type) {
        return type.isPrimitive() || type.isEnum() || type.getName().equals(String.class.getName())
                || type.getPackageName().equals("java.lang") && type.getSimpleName().matches(
                        "Boolean|Byte|Character|Short|Integer|Long|Float|Double");
    }

    private static void independent(String what, Object expected, Object actual) {
        if (!java.util.Objects.equals(expected, actual)) {
            fail(BufferFeedback.notIndependent(what, expected, actual));
        }
    }

    private static String wakesOnATimer(String call, Duration timer) {
        return call + " waits with a timeout: it wakes by itself in " + BufferFeedback.describe(timer)
                + " to look again, though nothing changed. A blocked put or take waits until another call's change"
                + " wakes it: wait() or await() without a timeout, in a while loop. Timed waits are for offer and"
                + " poll, whose caller asked for a deadline.";
    }

    @Test
    @DisplayName("A blocked take and a blocked put wait quietly instead of spinning, and a waiting take goes on as soon as a put comes, not when it next looks")
    @Graded(id = "no-busy-wait", points = 2, visibility = Visibility.AFTER_DUE_DATE, timeoutSeconds = 30)
    void blockedCallsWaitQuietly() throws Exception {
        try {
            Controlled.run(() -> {
                BoundedBuffer<String> empty = new BoundedBuffer<>(1);
                BoundedBuffer<String> full = new BoundedBuffer<>(1);
                BoundedBufferTest.fill(full, 1);
                List<Call<?>> calls = List.of(Call.start("consumer", empty::take),
                        Call.run("producer", () -> full.put("x")));
                Controlled.settle();
                for (Call<?> call : calls) {
                    Optional<Duration> timer = Controlled.timeLeftWaiting(call.thread());
                    // A deadline a day or more away is a "wait forever" written with a long timeout,
                    // which is no busy wait; shorter ones wake the thread to re-check on a timer.
                    if (timer.isPresent() && timer.get().compareTo(Duration.ofDays(1)) < 0) {
                        fail(wakesOnATimer(call.name().equals("consumer") ? "take() on an empty buffer"
                                : "put() on a full buffer", timer.get()));
                    }
                }
                empty.offer("y", 0, TimeUnit.MILLISECONDS);
                full.poll(0, TimeUnit.MILLISECONDS);
                Controlled.settleAllowingBusyWaits();
                Call.stop(calls);
            });
        } catch (InterleavingFailure failure) {
            if ("unsettled".equals(failure.kind())) {
                fail(BufferFeedback.busyWaiting(failure.getMessage()), failure);
            }
            throw failure;
        }
        Controlled.run(() -> {
            BoundedBuffer<String> buffer = new BoundedBuffer<>(1);
            Call<String> consumer = Call.start("consumer", buffer::take);
            try {
                Controlled.settleAllowingBusyWaits();
                if (consumer.ended()) {
                    return; // Did not wait: take-blocks-when-empty judges that.
                }
                long put = Controlled.nanoTime();
                buffer.put("x");
                Controlled.settleAllowingBusyWaits();
                if (!consumer.ended()) {
                    TimeUnit.SECONDS.sleep(1);
                    Controlled.settleAllowingBusyWaits();
                    if (consumer.ended()) {
                        fail(BufferFeedback.pollingLate("take()", Duration.ofNanos(consumer.endNanos() - put)));
                    }
                }
            } finally {
                Call.stop(List.of(consumer));
            }
        });
    }

    /** What one schedule starts from, and what its consumers got; room for both items, as in no-item-lost. */
    record Refill(BoundedBuffer<String> buffer, List<String> taken) {
        Refill() {
            this(new BoundedBuffer<>(2), new CopyOnWriteArrayList<>());
        }
    }

    /** What one schedule starts from: a buffer of capacity 2 full of i1 and i2, and what its consumer took. */
    record Drain(BoundedBuffer<String> buffer, List<String> taken) {
        Drain() {
            this(full(), new CopyOnWriteArrayList<>());
        }

        private static BoundedBuffer<String> full() {
            BoundedBuffer<String> buffer = new BoundedBuffer<>(2);
            try {
                buffer.put("i1");
                buffer.put("i2");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return buffer;
        }
    }

    @Test
    @DisplayName("1 producer puts a then b while 2 consumers wait: each takes one; 1 consumer takes twice from a full buffer of capacity 2 while 2 producers wait: both go on; in every order")
    @Graded(id = "refill-while-waiting", points = 2, visibility = Visibility.AFTER_DUE_DATE, timeoutSeconds = 90)
    void producerRefillsForTwoWaitingConsumers() throws Exception {
        Interleavings.everySchedule().preemptions(2).preemptingOnlyAtSynchronization()
                .given(Refill::new)
                .thread("consumer-1", refill -> refill.taken().add(refill.buffer().take()))
                .thread("consumer-2", refill -> refill.taken().add(refill.buffer().take()))
                .thread("producer", refill -> {
                    refill.buffer().put("a");
                    refill.buffer().put("b");
                })
                .check(refill -> {
                    List<String> taken = new ArrayList<>(refill.taken());
                    if (taken.size() != 2 || !taken.containsAll(List.of("a", "b"))) {
                        fail(BufferFeedback.itemsLostOrDuplicated(
                                "1 producer put a then b, 2 consumers took one item each", taken, List.of("a", "b")));
                    }
                });
        try {
            consumerDrainsForTwoWaitingProducers();
        } catch (InterleavingFailure failure) {
            if (failure.noThreadCanContinue()) {
                fail(producerLeftWaiting(failure.getMessage()), failure);
            }
            throw failure;
        }
    }

    /**
     * The mirror: the second take may come before the producer the first one woke has run. A take
     * that wakes producers only when the buffer was full then wakes one for two free places.
     */
    private static void consumerDrainsForTwoWaitingProducers() {
        Interleavings.everySchedule().preemptions(2).preemptingOnlyAtSynchronization()
                .given(Drain::new)
                .thread("producer-1", drain -> drain.buffer().put("p1"))
                .thread("producer-2", drain -> drain.buffer().put("p2"))
                .thread("consumer", drain -> {
                    drain.taken().add(drain.buffer().take());
                    drain.taken().add(drain.buffer().take());
                })
                .check(drain -> {
                    List<String> taken = new ArrayList<>(drain.taken());
                    int size = drain.buffer().size();
                    // Which items come first is fifo-alone's to judge; here two distinct ones come out, both go in.
                    if (taken.size() != 2 || taken.get(0).equals(taken.get(1))
                            || !List.of("i1", "i2", "p1", "p2").containsAll(taken) || size != 2) {
                        fail(BufferFeedback.gotWrongItem("Capacity 2, full of [i1, i2]: 1 consumer took twice"
                                + " while 2 producers put p1 and p2; what it took, and the size() after",
                                "two different items of i1, i2, p1, p2, then 2", taken + ", then " + size));
                    }
                });
    }

    private static String producerLeftWaiting(String schedule) {
        return "Capacity 2, full of [i1, i2], two producers waiting in put(p1) and put(p2), and one consumer that"
                + " took twice: in one order of their steps a producer was left waiting although the buffer had"
                + " room:\n" + schedule + "\nThe second take came before the producer woken by the first had run,"
                + " so two places were free and only one producer was woken. Every take frees a place that a"
                + " waiting producer may need: wake one (signal()) after every take, not only when the buffer was"
                + " full, or wake them all (signalAll() / notifyAll()).";
    }

    /** One schedule of a buffer of capacity 1 shared by two producers and two consumers. */
    record Crossing(BoundedBuffer<String> buffer, List<String> taken) {
        Crossing() {
            this(new BoundedBuffer<>(1), new CopyOnWriteArrayList<>());
        }
    }

    @Test
    @DisplayName("Capacity 1, 2 producers and 2 consumers, so that producers and consumers wait at the same time: in every order nobody is left waiting (no lost wake-up)")
    @Graded(id = "no-lost-wake-up", points = 2, visibility = Visibility.AFTER_DUE_DATE, timeoutSeconds = 120)
    void noLostWakeUp() throws Exception {
        try {
            exploreCrossing();
        } catch (InterleavingFailure failure) {
            if (failure.noThreadCanContinue()) {
                fail(BufferFeedback.lostWakeUp(failure.getMessage()), failure);
            }
            throw failure;
        }
        try {
            exploreTwoBuffers();
        } catch (InterleavingFailure failure) {
            if (failure.noThreadCanContinue()) {
                fail(BufferFeedback.lostWakeUpAcrossBuffers(failure.getMessage()), failure);
            }
            throw failure;
        }
        try {
            exploreTimedCalls();
        } catch (InterleavingFailure failure) {
            if (failure.noThreadCanContinue()) {
                fail(fastPathWokeNobody("Capacity 1 with poll and offer of a minute:"), failure);
            }
            throw failure;
        }
    }

    /**
     * A poll or offer that finds its item or room at once must wake the waiters all the same: the
     * change it makes is the one a blocked call waits for. Capacity 1, in every order: put(a),
     * offer(b, 1 min) and poll(1 min); then offer(c, 1 min) beside a waiting poll(1 min). A minute is
     * virtual time, and in a buffer that wakes its waiters nobody waits that long.
     */
    private static void exploreTimedCalls() throws Exception {
        if (!timedCallsTakeTheirChance()) {
            return; // Timed calls that do not wait for an item or room: timed-waits judges that.
        }
        Interleavings.everySchedule().preemptions(2).preemptingOnlyAtSynchronization()
                .given(Crossing::new)
                .thread("producer", crossing -> crossing.buffer().put("a"))
                .thread("timed-producer", crossing -> crossing.taken().add(
                        crossing.buffer().offer("b", 1, TimeUnit.MINUTES) ? "offer(b) went in" : "offer(b) timed out"))
                .thread("timed-consumer", crossing -> crossing.taken().add(
                        String.valueOf(crossing.buffer().poll(1, TimeUnit.MINUTES))))
                .check(crossing -> {
                    List<String> seen = new ArrayList<>(crossing.taken());
                    if (!seen.contains("offer(b) went in") || seen.contains("null")) {
                        fail(fastPathWokeNobody("Capacity 1: put(a), offer(b, 1 min) and poll(1 min) at the same"
                                + " time; in one order a call waited its whole minute: " + seen + "."));
                    }
                });
        Interleavings.everySchedule().preemptions(2).preemptingOnlyAtSynchronization()
                .given(Crossing::new)
                .thread("timed-consumer", crossing -> crossing.taken().add(
                        String.valueOf(crossing.buffer().poll(1, TimeUnit.MINUTES))))
                .thread("timed-producer", crossing -> crossing.buffer().offer("c", 1, TimeUnit.MINUTES))
                .check(crossing -> {
                    if (!crossing.taken().equals(List.of("c"))) {
                        fail(fastPathWokeNobody("Capacity 1, empty: poll(1 min) and offer(c, 1 min) at the same"
                                + " time; in one order the poll got " + crossing.taken() + " instead of c."));
                    }
                });
    }

    private static String fastPathWokeNobody(String seen) {
        return seen + " A waiting call was never woken: a poll or offer that finds its item or room at once"
                + " changes the buffer as take and put do, and must wake the waiting calls as they do"
                + " (notifyAll / signal on the way out of every path that changes the buffer).";
    }

    /**
     * Whether poll(1 min) gets an item put while it waits, and offer(1 min) the room a take makes
     * (timed-waits judges both): else the timed calls above would lose items for that reason.
     */
    private static boolean timedCallsTakeTheirChance() throws Exception {
        AtomicBoolean took = new AtomicBoolean();
        Controlled.run(() -> {
            BoundedBuffer<String> empty = new BoundedBuffer<>(1);
            Call<String> poll = Call.start("poller", () -> empty.poll(1, TimeUnit.MINUTES));
            BoundedBuffer<String> full = new BoundedBuffer<>(1);
            BoundedBufferTest.fill(full, 1);
            Call<Boolean> offer = Call.start("offerer", () -> full.offer("x", 1, TimeUnit.MINUTES));
            try {
                TimeUnit.SECONDS.sleep(30);
                Controlled.settleAllowingBusyWaits();
                Call.run("producer", () -> empty.put("x")).awaitEnd(BoundedBufferTest.PATIENCE);
                Call.run("consumer", full::take).awaitEnd(BoundedBufferTest.PATIENCE);
                poll.awaitEnd(BoundedBufferTest.PATIENCE);
                offer.awaitEnd(BoundedBufferTest.PATIENCE);
                took.set("x".equals(poll.result()) && Boolean.TRUE.equals(offer.result()));
            } finally {
                Call.stop(List.of(poll, offer));
            }
        });
        return took.get();
    }

    /** Two buffers of capacity 1, a consumer waiting on each: each put must wake its own buffer's consumer. */
    record TwoBuffers(BoundedBuffer<String> a, BoundedBuffer<String> b, List<String> taken) {
        TwoBuffers() {
            this(new BoundedBuffer<>(1), new BoundedBuffer<>(1), new CopyOnWriteArrayList<>());
        }
    }

    private static void exploreTwoBuffers() {
        Interleavings.everySchedule().preemptions(2).preemptingOnlyAtSynchronization()
                .given(TwoBuffers::new)
                .thread("consumer-of-A", two -> two.taken().add(two.a().take()))
                .thread("consumer-of-B", two -> two.taken().add(two.b().take()))
                .thread("producer-to-A", two -> two.a().put("a"))
                .thread("producer-to-B", two -> two.b().put("b"))
                .check(two -> {
                    List<String> taken = new ArrayList<>(two.taken());
                    if (taken.size() != 2 || !taken.containsAll(List.of("a", "b"))) {
                        fail(BufferFeedback.itemsLostOrDuplicated(
                                "Two buffers A and B: a put into each, a take from each", taken, List.of("a", "b")));
                    }
                });
    }

    private static void exploreCrossing() {
        Interleavings.everySchedule().preemptions(2).preemptingOnlyAtSynchronization()
                .given(Crossing::new)
                .thread("consumer-1", crossing -> crossing.taken().add(crossing.buffer().take()))
                .thread("consumer-2", crossing -> crossing.taken().add(crossing.buffer().take()))
                .thread("producer-1", crossing -> crossing.buffer().put("a"))
                .thread("producer-2", crossing -> crossing.buffer().put("b"))
                .check(crossing -> {
                    List<String> taken = new ArrayList<>(crossing.taken());
                    if (taken.size() != 2 || !taken.containsAll(List.of("a", "b"))) {
                        fail(BufferFeedback.itemsLostOrDuplicated(
                                "Capacity 1: 2 producers put a and b, 2 consumers took one item each", taken,
                                List.of("a", "b")));
                    }
                });
    }

    /** One schedule: two producers offer at once into an empty buffer of capacity 1. */
    record Rush(BoundedBuffer<String> buffer, List<Boolean> answers) {
        Rush() {
            this(new BoundedBuffer<>(1), new CopyOnWriteArrayList<>());
        }
    }

    @Test
    @DisplayName("Capacity 1, two producers offer(item, 0) at once: in every order exactly one item goes in")
    @Graded(id = "bound-any-schedule", points = 2, visibility = Visibility.AFTER_DUE_DATE, timeoutSeconds = 90)
    void boundHoldsInEverySchedule() {
        Interleavings.everySchedule().preemptions(2)
                .given(Rush::new)
                .thread("producer-1", rush -> rush.answers().add(rush.buffer().offer("a", 0, TimeUnit.MILLISECONDS)))
                .thread("producer-2", rush -> rush.answers().add(rush.buffer().offer("b", 0, TimeUnit.MILLISECONDS)))
                .check(rush -> {
                    List<Boolean> answers = new ArrayList<>(rush.answers());
                    long accepted = answers.stream().filter(Boolean.TRUE::equals).count();
                    int size = rush.buffer().size();
                    if (accepted != 1 || size != 1) {
                        fail(BufferFeedback.overfilled(1, "they got " + answers + " and the buffer held " + size
                                + " items; expected exactly one true and 1 item"));
                    }
                });
    }

    /** One schedule: a producer, a consumer and a caller of size() on a buffer holding one item. */
    record Traffic(BoundedBuffer<String> buffer) {
        Traffic() {
            this(withOne());
        }

        private static BoundedBuffer<String> withOne() {
            BoundedBuffer<String> buffer = new BoundedBuffer<>(3);
            try {
                buffer.put("a");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return buffer;
        }
    }

    @Test
    @DisplayName("put, take and size() from three threads, put beside poll(0), take beside offer(x, 0): every access to the buffer's state is under its lock (data-race detector, every order)")
    @Graded(id = "no-data-race", points = 2, visibility = Visibility.AFTER_DUE_DATE, timeoutSeconds = 90)
    void noDataRace() {
        Interleavings.everySchedule().preemptions(1).preemptingOnlyAtSynchronization().detectingDataRaces()
                .given(Traffic::new)
                .thread("producer", traffic -> traffic.buffer().put("b"))
                .thread("consumer", traffic -> traffic.buffer().take())
                .thread("observer", traffic -> traffic.buffer().size())
                .check(traffic -> {
                    int size = traffic.buffer().size();
                    if (size != 1) {
                        fail("One item, then put(b) and take() at the same time: size() is " + size
                                + ", expected 1. Every change of the count must be under the one lock.");
                    }
                });
        try {
            quickCallsReadUnderTheLock();
        } catch (InterleavingFailure failure) {
            if ("race".equals(failure.kind())) {
                fail(quickPathRace(failure.getMessage()), failure);
            }
            throw failure;
        }
        sizeIsAlwaysACountTheBufferHad();
    }

    /** One schedule of a buffer of capacity 1, and what a poll(0) or offer(x, 0) beside a change returned. */
    record Quick(BoundedBuffer<String> buffer, List<Object> answers) {
        Quick(int items) {
            this(holding(items), new CopyOnWriteArrayList<>());
        }

        private static BoundedBuffer<String> holding(int items) {
            BoundedBuffer<String> buffer = new BoundedBuffer<>(1);
            try {
                for (int i = 0; i < items; i++) {
                    buffer.put("a");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return buffer;
        }
    }

    /**
     * poll(0) beside a put into an empty buffer, and offer(x, 0) beside a take from a full one: a
     * timeout of 0 does not wait, but its look at the state is still a read that must be ordered after
     * the changes (a "fast path" that reads the count without the lock may see a stale value for ever
     * once the JIT hoists it out of a caller's loop). Empty and full, so that a fast path for either runs.
     */
    private static void quickCallsReadUnderTheLock() {
        Interleavings.everySchedule().preemptions(1).preemptingOnlyAtSynchronization().detectingDataRaces()
                .given(() -> new Quick(0))
                .thread("producer", quick -> quick.buffer().put("a"))
                .thread("poller", quick -> quick.answers().add(
                        String.valueOf(quick.buffer().poll(0, TimeUnit.SECONDS))))
                .check(quick -> quickAddsUp("An empty buffer of capacity 1, then put(a) and poll(0) at the same time",
                        quick, List.of("null"), 1, List.of("a"), 0));
        Interleavings.everySchedule().preemptions(1).preemptingOnlyAtSynchronization().detectingDataRaces()
                .given(() -> new Quick(1))
                .thread("consumer", quick -> quick.buffer().take())
                .thread("offerer", quick -> quick.answers().add(quick.buffer().offer("b", 0, TimeUnit.SECONDS)))
                .check(quick -> quickAddsUp("A buffer of capacity 1 holding a, then take() and offer(b, 0) at the"
                        + " same time", quick, List.of(false), 0, List.of(true), 1));
    }

    /** The answers must fit the size() after: {@code one} with {@code oneSize}, or {@code other} with {@code otherSize}. */
    private static void quickAddsUp(String what, Quick quick, List<Object> one, int oneSize, List<Object> other,
                                    int otherSize) {
        List<Object> answers = new ArrayList<>(quick.answers());
        int size = quick.buffer().size();
        if (!(answers.equals(one) && size == oneSize || answers.equals(other) && size == otherSize)) {
            fail(what + ": it returned " + answers + " and size() is then " + size + ", which does not add up."
                    + " Every look at and change of the count must be under the one lock.");
        }
    }

    private static String quickPathRace(String details) {
        return "poll(0) or offer(x, 0) read the buffer's state without the lock, beside a put or take that changed"
                + " it:\n" + details + "\nA timeout of 0 only means \"do not wait\"; the look at the count is a read"
                + " like size()'s and must be under the same lock as the changes. Without it nothing orders the read"
                + " after another thread's count++: it may see a stale value, and once the JIT hoists it out of"
                + " a caller's loop of poll(0) it may see it for ever while items sit in the buffer.";
    }

    /** One schedule of an empty buffer, a put and a take, and what a size() beside them returned. */
    record Gauge(BoundedBuffer<String> buffer, List<Integer> seen) {
        Gauge() {
            this(new BoundedBuffer<>(1), new CopyOnWriteArrayList<>());
        }
    }

    /**
     * size() beside a put and a take on an empty buffer of capacity 1, preempted at every step (not
     * only where threads synchronize: a size() that reads two volatile counters one after the other
     * must be caught between them): it must return 0 or 1, counts the buffer had.
     */
    private static void sizeIsAlwaysACountTheBufferHad() {
        Interleavings.everySchedule().preemptions(2)
                .given(Gauge::new)
                .thread("producer", gauge -> gauge.buffer().put("a"))
                .thread("consumer", gauge -> gauge.buffer().take())
                .thread("observer", gauge -> gauge.seen().add(gauge.buffer().size()))
                .check(gauge -> {
                    int seen = gauge.seen().isEmpty() ? 0 : gauge.seen().get(0);
                    if (seen < 0 || seen > 1) {
                        fail("An empty buffer of capacity 1, then put(a) and take() at the same time: size() returned "
                                + seen + ", a count the buffer never had (only 0 and 1 are possible). size() read"
                                + " the state in two steps without the lock, and the put or take came between them:"
                                + " read it under the same lock as the changes (or a read lock that excludes them).");
                    }
                });
    }

    /** A timed call that waits, and what the test does while it waits. */
    @Test
    @DisplayName("Timed calls wait for their chance: poll(1 min), poll(1 500 000 µs), poll(Long.MAX_VALUE ns), poll(Long.MAX_VALUE - 1 ns) and poll(Long.MAX_VALUE / 2 ms) get an item put while they wait, offer(1 min), offer(Long.MAX_VALUE ms) and offer(1 000 000 days) get the room a take makes; poll and offer of 2 s woken early (spurious wake-ups) still give up after 2 s; an item that comes just as a poll gives up reaches it or a waiting take")
    @Graded(id = "timed-waits", points = 2, visibility = Visibility.AFTER_DUE_DATE, timeoutSeconds = 60)
    void timedCallsWaitForTheirChance() throws Exception {
        Controlled.run(() -> {
            pollGetsItem(new Timeout(1, TimeUnit.MINUTES), Duration.ofSeconds(30));
            pollGetsItem(new Timeout(1_500_000, TimeUnit.MICROSECONDS), Duration.ofMillis(1200));
            offerGetsRoom(new Timeout(1, TimeUnit.MINUTES), Duration.ofSeconds(30));
            // "Wait practically for ever": a deadline computed as now + timeout overflows, and not only
            // for Long.MAX_VALUE itself (toNanos saturates for large ones, and MAX_VALUE - 1 ns still wraps).
            pollGetsItem(new Timeout(Long.MAX_VALUE, TimeUnit.NANOSECONDS), Duration.ofSeconds(30));
            offerGetsRoom(new Timeout(Long.MAX_VALUE, TimeUnit.MILLISECONDS), Duration.ofSeconds(30));
            pollGetsItem(new Timeout(Long.MAX_VALUE / 2, TimeUnit.MILLISECONDS), Duration.ofSeconds(30));
            pollGetsItem(new Timeout(Long.MAX_VALUE - 1, TimeUnit.NANOSECONDS), Duration.ofSeconds(30));
            offerGetsRoom(new Timeout(1_000_000, TimeUnit.DAYS), Duration.ofSeconds(30));
            Timeout twoSeconds = new Timeout(2, TimeUnit.SECONDS);
            String early = " It was woken three times before its time was up (at 0.5 s, 1 s and 1.5 s), each time"
                    + " with nothing for it: by %s that the test's own thread took back at once, and spuriously.";

            BoundedBuffer<String> empty = new BoundedBuffer<>(2);
            Call<String> poll = Call.start("poller", () -> empty.poll(2, TimeUnit.SECONDS));
            // The test's own put then poll(0): a poller that got in between took the item, its chance.
            if (wakeEarly(poll, () -> empty.offer("c", 0, TimeUnit.SECONDS)
                    && empty.poll(0, TimeUnit.SECONDS) != null)) {
                BoundedBufferTest.expectGaveUp(poll, "poll(2 s) on an empty buffer", twoSeconds, null,
                        String.format(early, "an item"));
            }

            BoundedBuffer<String> full = new BoundedBuffer<>(1);
            BoundedBufferTest.fill(full, 1);
            Call<Boolean> offer = Call.start("offerer", () -> full.offer("x", 2, TimeUnit.SECONDS));
            if (wakeEarly(offer, () -> {
                String item = full.poll(0, TimeUnit.SECONDS);
                return item != null && full.offer(item, 0, TimeUnit.SECONDS);
            })) {
                BoundedBufferTest.expectGaveUp(offer, "offer(x, 2 s) on a full buffer", twoSeconds, false,
                        String.format(early, "a free place"));
            }
        });
        aWakeUpAtTheDeadlineIsNotLost();
    }

    /** The same threads with a take() in place of the poll: true when no order of their steps goes wrong. */
    private static boolean keepsWakeUpsWithoutTimeouts() {
        try {
            deadlineScenario(BoundedBuffer::take).run();
            return true;
        } catch (InterleavingFailure failure) {
            return false;
        }
    }

    private static Scenario<BoundedBuffer<String>> deadlineScenario(Scenario.Task<BoundedBuffer<String>> first) {
        // One deviation from taking turns: enough to let either thread whose time is up at 100 ms go first.
        return Interleavings.everySchedule().preemptingOnlyAtSynchronization().preemptions(1)
                .given(() -> new BoundedBuffer<String>(1))
                .thread("producer", buffer -> {
                    // parkNanos: virtual time on every JDK (a check's own Thread.sleep is native on 17).
                    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
                    buffer.put("x");
                    buffer.put("y");
                })
                .thread("poller", first)
                .thread("taker", BoundedBuffer::take);
    }

    /**
     * A poll(100 ms) and a take() wait on an empty buffer of capacity 1, and an item comes exactly when
     * the poll's time runs out, then a second one. Every order at that instant is explored (who goes
     * first, whom a notify or signal wakes): a poll woken by the item's signal just as its time is up
     * must look once more and take it, or pass the wake-up on; one that gives up without looking keeps
     * the only wake-up from the take, and the second put then waits for room for ever.
     */
    private static void aWakeUpAtTheDeadlineIsNotLost() {
        if (!keepsWakeUpsWithoutTimeouts()) {
            return; // A wake-up lost with no timed call at all: no-lost-wake-up judges that.
        }
        try {
            deadlineScenario(buffer -> buffer.poll(100, TimeUnit.MILLISECONDS)).run();
        } catch (InterleavingFailure failure) {
            if (failure.noThreadCanContinue()) {
                fail(wakeUpLostAtDeadline(failure.getMessage()), failure);
            }
            throw failure;
        }
    }

    /**
     * A change the test makes and undoes in one go, on its own thread: a wake-up with nothing in it.
     * Returns false when it could not undo it: the waiting call got in between and took its chance.
     */
    @FunctionalInterface
    private interface Churn {
        boolean run() throws InterruptedException;
    }

    /**
     * Wakes the waiting call three times without giving it anything: by a change that the test's own
     * thread undoes before the call can run (as when another caller takes the item first; a
     * Condition's await, which never wakes spuriously, wakes for this), then spuriously, then by the
     * change again. False when the call took its chance in between: then it is no call that gave up.
     */
    private static boolean wakeEarly(Call<?> call, Churn churn) throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            TimeUnit.MILLISECONDS.sleep(500);
            Controlled.settleAllowingBusyWaits();
            if (call.ended()) {
                continue;
            }
            if (i == 1) {
                Controlled.wakeSpuriously(call.thread());
            } else if (!churn.run()) {
                return false;
            }
        }
        return true;
    }

    /** How soon a timed call must take its chance: far less than the time its timeout has left. */
    private static final Duration NOTICE = Duration.ofMillis(100);

    /** For a timeout so large that now + timeout overflows: what giving up at once points to. */
    private static String overflowHint(Timeout timeout) {
        if (timeout.unit().toNanos(timeout.amount()) < Long.MAX_VALUE / 4) {
            return "";
        }
        return " With a timeout this large, a deadline now + unit.toNanos(timeout) overflows into the past (and"
                + " toNanos saturates at Long.MAX_VALUE for most of them), so checking for Long.MAX_VALUE alone is not"
                + " enough: compare the time left, deadline - now > 0, which stays right when the sum overflows.";
    }

    private static void pollGetsItem(Timeout timeout, Duration putAt) throws InterruptedException {
        BoundedBuffer<String> buffer = new BoundedBuffer<>(2);
        String what = "poll(" + timeout.text() + ") on an empty buffer";
        Call<String> poll = Call.start("poller", () -> buffer.poll(timeout.amount(), timeout.unit()));
        try {
            TimeUnit.NANOSECONDS.sleep(putAt.toNanos());
            Controlled.settleAllowingBusyWaits();
            if (poll.ended()) {
                BoundedBufferTest.rethrowUnchecked(List.of(poll));
                fail(BufferFeedback.gaveUpEarly(what, poll.took(), " It returned " + poll.result() + "."
                        + overflowHint(timeout)));
            }
            Call<Void> put = Call.run("producer", () -> buffer.put("x"));
            put.awaitEnd(BoundedBufferTest.PATIENCE);
            TimeUnit.NANOSECONDS.sleep(NOTICE.toNanos());
            Controlled.settleAllowingBusyWaits();
            if (!poll.ended() || !"x".equals(poll.result())) {
                BoundedBufferTest.rethrowUnchecked(List.of(poll));
                fail(BufferFeedback.missedTheChance(what, "put(x) came after " + BufferFeedback.describe(putAt),
                        poll.ended() ? "returned " + poll.result() : "it was still waiting "
                                + BufferFeedback.describe(NOTICE) + " later"));
            }
        } finally {
            Call.stop(List.of(poll));
        }
    }

    private static void offerGetsRoom(Timeout timeout, Duration takeAt) throws InterruptedException {
        BoundedBuffer<String> buffer = new BoundedBuffer<>(1);
        BoundedBufferTest.fill(buffer, 1);
        String what = "offer(x, " + timeout.text() + ") on a full buffer";
        Call<Boolean> offer = Call.start("offerer", () -> buffer.offer("x", timeout.amount(), timeout.unit()));
        try {
            TimeUnit.NANOSECONDS.sleep(takeAt.toNanos());
            Controlled.settleAllowingBusyWaits();
            if (offer.ended()) {
                BoundedBufferTest.rethrowUnchecked(List.of(offer));
                fail(BufferFeedback.gaveUpEarly(what, offer.took(), " It returned " + offer.result() + "."
                        + overflowHint(timeout)));
            }
            String first = BoundedBufferTest.takeOnce(buffer);
            TimeUnit.NANOSECONDS.sleep(NOTICE.toNanos());
            Controlled.settleAllowingBusyWaits();
            if (!offer.ended() || !Boolean.TRUE.equals(offer.result())) {
                BoundedBufferTest.rethrowUnchecked(List.of(offer));
                fail(BufferFeedback.missedTheChance(what, "a take() made room after " + BufferFeedback.describe(takeAt),
                        offer.ended() ? "returned " + offer.result() : "it was still waiting "
                                + BufferFeedback.describe(NOTICE) + " later"));
            }
            List<String> taken = List.of(first, BoundedBufferTest.takeOnce(buffer));
            BoundedBufferTest.expect("Full of i1, then offer(x, ...) waited and got in: the items taken",
                    List.of("i1", "x"), taken);
        } finally {
            Call.stop(List.of(offer));
        }
    }

    @Test
    @DisplayName("A waiting put, offer(1 min), take and poll(1 min) that are interrupted, and a put or take that would wait called on an interrupted thread, throw InterruptedException and leave the buffer as it was, and usable; a waiting take or poll(1 min) interrupted just as a put comes gets the item or leaves it in the buffer, and of two waiting takes (or polls) or two waiting puts (or offers) at capacity 1, interrupting one just as a put or take comes neither loses an item nor leaves the other waiting beside an item or room it could use, in every order")
    @Graded(id = "interrupt-while-waiting", points = 2, visibility = Visibility.AFTER_DUE_DATE, timeoutSeconds = 60)
    void interruptedCallsLeaveTheBufferAlone() throws Exception {
        Controlled.run(() -> {
            BoundedBuffer<String> full = new BoundedBuffer<>(2);
            List<String> items = BoundedBufferTest.fill(full, 2);
            interrupt(List.of(Call.start("put(c) on a full buffer", () -> {
                full.put("c");
                return null;
            }), Call.start("offer(d, 1 min) on a full buffer", () -> full.offer("d", 1, TimeUnit.MINUTES))));
            List<Object> after = List.of(usable("size()", full::size), usable("take()", full::take),
                    usable("take()", full::take));
            List<Object> expected = List.of(2, items.get(0), items.get(1));
            if (!after.equals(expected)) {
                fail(BufferFeedback.changedByInterrupt("size(), take(), take() on the buffer that was full of "
                        + items, expected, after));
            }

            BoundedBuffer<String> empty = new BoundedBuffer<>(2);
            interrupt(List.of(Call.start("take() on an empty buffer", empty::take),
                    Call.start("poll(1 min) on an empty buffer", () -> empty.poll(1, TimeUnit.MINUTES))));
            List<Object> later = List.of(usable("size()", empty::size), usable("put(z)", () -> {
                empty.put("z");
                return "put";
            }), usable("take()", empty::take));
            if (!later.equals(List.of(0, "put", "z"))) {
                fail(BufferFeedback.changedByInterrupt("size(), put(z), take() on the buffer that was empty",
                        List.of(0, "put", "z"), later));
            }

            // Interrupted before the call: one that would wait throws at once, as a waiting one does.
            BoundedBuffer<String> one = new BoundedBuffer<>(1);
            one.put("a");
            alreadyInterrupted("put(b) on a full buffer", () -> {
                one.put("b");
                return null;
            });
            BoundedBuffer<String> none = new BoundedBuffer<>(1);
            alreadyInterrupted("take() on an empty buffer", none::take);
            List<Object> afterAll = List.of(usable("take()", one::take), usable("size()", none::size));
            if (!afterAll.equals(List.of("a", 0))) {
                fail(BufferFeedback.changedByInterrupt("take() on the full buffer of [a], size() of the empty one",
                        List.of("a", 0), afterAll));
            }
        });
        interruptAtTheMomentOfAPut("take()", BoundedBuffer::take);
        interruptAtTheMomentOfAPut("poll(1 min)", buffer -> buffer.poll(1, TimeUnit.MINUTES));
        interruptOneOfTwoWaiting(TwoWaiting.consumers("take()", BoundedBuffer::take));
        interruptOneOfTwoWaiting(TwoWaiting.consumers("poll(1 min)", buffer -> buffer.poll(1, TimeUnit.MINUTES)));
        interruptOneOfTwoWaiting(TwoWaiting.producers("put(p1)", buffer -> {
            buffer.put("p1");
            return true;
        }));
        interruptOneOfTwoWaiting(TwoWaiting.producers("offer(p1, 1 min)",
                buffer -> buffer.offer("p1", 1, TimeUnit.MINUTES)));
    }

    /** A producer's call that adds p1, for {@link TwoWaiting#producers}: whether it added it. */
    @FunctionalInterface
    private interface Produce {
        boolean call(BoundedBuffer<String> buffer) throws InterruptedException;
    }

    /**
     * Capacity 1, two calls of one kind waiting (two consumers on the empty buffer, or two producers
     * on the buffer full of i), and at 100 ms the other side comes (put(x) then put(y), or take()
     * twice) just as the first waiter is interrupted. Whoever wins, every item that went in comes
     * out once (taken, or left in the buffer) and nobody waits for ever: a waiter woken by signal()
     * that throws anyway, without passing the wake-up on, leaves the other waiter asleep beside the
     * item (or room) it was woken for.
     */
    record TwoWaiting(String setting, List<String> initial, String waiter, String first, Scenario.Task<Race> firstTask,
            String second, Scenario.Task<Race> secondTask, String otherSide, String other,
            Scenario.Task<Race> otherTask) {

        /** One schedule's buffer, what went in and came out, and the first waiter's thread and outcome. */
        static final class Race {
            final BoundedBuffer<String> buffer = new BoundedBuffer<>(1);
            final List<String> in = new CopyOnWriteArrayList<>();
            final List<String> taken = new CopyOnWriteArrayList<>();
            volatile Thread first;
            volatile String outcome = "nothing";

            Race(List<String> initial) {
                try {
                    for (String item : initial) {
                        buffer.put(item);
                        in.add(item);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        static TwoWaiting consumers(String call, Consume consume) {
            return new TwoWaiting("Capacity 1, empty", List.of(), "consumer", call, race -> {
                race.first = Thread.currentThread();
                try {
                    String item = consume.call(race.buffer);
                    race.outcome = "returned " + item;
                    if (item != null) {
                        race.taken.add(item);
                    }
                } catch (InterruptedException expected) {
                    race.outcome = "threw InterruptedException";
                }
            }, "take()", race -> race.taken.add(race.buffer.take()), "producer", "put(x) then put(y)", race -> {
                race.buffer.put("x");
                race.in.add("x");
                race.buffer.put("y");
                race.in.add("y");
            });
        }

        static TwoWaiting producers(String call, Produce produce) {
            return new TwoWaiting("Capacity 1, full of [i]", List.of("i"), "producer", call, race -> {
                race.first = Thread.currentThread();
                try {
                    boolean added = produce.call(race.buffer);
                    race.outcome = added ? "added p1" : "returned false";
                    if (added) {
                        race.in.add("p1");
                    }
                } catch (InterruptedException expected) {
                    race.outcome = "threw InterruptedException";
                }
            }, "put(p2)", race -> {
                race.buffer.put("p2");
                race.in.add("p2");
            }, "consumer", "take() twice", race -> {
                race.taken.add(race.buffer.take());
                race.taken.add(race.buffer.take());
            });
        }

        Scenario<Race> scenario(boolean interrupt) {
            // The first waiter starts first and so waits first: the one a signal() wakes.
            Scenario<Race> scenario = Interleavings.everySchedule().preemptions(1).preemptingOnlyAtSynchronization()
                    .given(() -> new Race(initial))
                    .thread(waiter + "-1", firstTask)
                    .thread(waiter + "-2", secondTask)
                    .thread(otherSide, race -> {
                        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
                        otherTask.run(race);
                    });
            // At 100 ms too, when both wait: every order of the interrupt and the other side's steps is explored.
            return !interrupt ? scenario : scenario.thread("interrupter", race -> {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
                race.first.interrupt();
            });
        }

        void check(Race race) throws InterruptedException {
            List<String> out = new ArrayList<>(race.taken);
            if (race.buffer.size() == 1) {
                out.add(race.buffer.poll(0, TimeUnit.SECONDS));
            }
            List<String> in = new ArrayList<>(race.in);
            if (!sorted(out).equals(sorted(in))) {
                fail(BufferFeedback.lostAtAnInterrupt(what(), waiter, race.outcome, out, in));
            }
        }

        private String what() {
            return setting + ": " + waiter + "-1 in " + first + " and " + waiter + "-2 in " + second + " waited,"
                    + " and " + waiter + "-1 was interrupted just as the " + otherSide + "'s " + other + " came.";
        }

        private static List<String> sorted(List<String> items) {
            List<String> copy = new ArrayList<>(items);
            copy.sort(null);
            return copy;
        }

        String leftWaiting(String schedule) {
            return BufferFeedback.wakeUpSwallowedByInterrupt(what(), waiter,
                    waiter.equals("consumer") ? "item" : "room", schedule);
        }
    }

    /** Fails when the interrupt of one of two waiters loses an item or leaves the other one waiting for ever. */
    private static void interruptOneOfTwoWaiting(TwoWaiting two) {
        try {
            two.scenario(true).check(two::check);
        } catch (InterleavingFailure failure) {
            if (!keepsWakeUpsWithoutInterrupts(two)) {
                return; // Lost without any interrupt: no-lost-wake-up and refill-while-waiting judge that.
            }
            if (failure.noThreadCanContinue()) {
                fail(two.leftWaiting(failure.getMessage()), failure);
            }
            throw failure;
        }
    }

    /** The same threads without the interrupt: true when no order of their steps goes wrong. */
    private static boolean keepsWakeUpsWithoutInterrupts(TwoWaiting two) {
        try {
            two.scenario(false).check(two::check);
            return true;
        } catch (InterleavingFailure failure) {
            return false;
        }
    }

    /** A consumer waiting on an empty buffer of capacity 1, and how its call ended. */
    static final class InterruptRace {
        final BoundedBuffer<String> buffer = new BoundedBuffer<>(1);
        volatile Thread consumer;
        volatile String outcome = "nothing";
    }

    /** A consumer's call, for {@link #interruptAtTheMomentOfAPut}. */
    @FunctionalInterface
    private interface Consume {
        String call(BoundedBuffer<String> buffer) throws InterruptedException;
    }

    /**
     * A waiting take (or poll) is interrupted at the very moment a put comes, in every order of what
     * happens then: the consumer either gets the item (the put came first) or throws
     * InterruptedException and leaves the item in the buffer. A put that hands its item to a waiting
     * consumer which then throws loses the item.
     */
    private static void interruptAtTheMomentOfAPut(String call, Consume consume) {
        Interleavings.everySchedule().preemptions(1).preemptingOnlyAtSynchronization()
                .given(InterruptRace::new)
                .thread("consumer", race -> {
                    race.consumer = Thread.currentThread();
                    try {
                        race.outcome = "returned " + consume.call(race.buffer);
                    } catch (InterruptedException expected) {
                        race.outcome = "threw InterruptedException";
                    }
                })
                // Both at 100 ms (virtual time), when the consumer waits: every order of the two is explored.
                .thread("interrupter", race -> {
                    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
                    race.consumer.interrupt();
                })
                .thread("producer", race -> {
                    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
                    race.buffer.put("x");
                })
                .check(race -> {
                    int size = race.buffer.size();
                    boolean gotIt = race.outcome.equals("returned x") && size == 0;
                    // A poll that gave up before the put came (timed-waits judges when) left x there too.
                    boolean leftIt = (race.outcome.equals("threw InterruptedException")
                            || race.outcome.equals("returned null")) && size == 1;
                    if (!gotIt && !leftIt) {
                        fail(lostToInterrupt(call, race.outcome, size));
                    }
                });
    }

    private static String lostToInterrupt(String call, String outcome, int size) {
        return "A " + call + " waiting on an empty buffer of capacity 1 was interrupted just as a put(x) came: in"
                + " one order of their steps the " + call + " " + outcome + " and the buffer then held " + size
                + " items, so x was " + (size == 0 ? "lost" : "handed out and still in the buffer")
                + ". Either the call gets x (the put came first) and returns it, or it throws InterruptedException"
                + " and x stays in the buffer for another consumer. If a put hands its item straight to a waiting"
                + " consumer, the consumer that is interrupted must look whether an item was handed to it: then"
                + " return it (and keep the interrupt flag set), or put it back.";
    }

    /** Calls {@code body} on a thread of its own whose interrupt flag is set first: it must throw InterruptedException. */
    private static void alreadyInterrupted(String name, Call.Body<Object> body) throws InterruptedException {
        Call<Object> call = Call.start(name, () -> {
            Thread.currentThread().interrupt();
            return body.call();
        });
        try {
            if (!call.awaitEnd(Duration.ofSeconds(1))) {
                fail(BufferFeedback.interruptIgnored(call.name(), call.where()));
            }
            Throwable thrown = call.thrown().orElse(null);
            if (!(thrown instanceof InterruptedException)) {
                fail(alreadyInterruptedOutcome(call.name(), thrown, call.result()));
            }
        } finally {
            Call.stop(List.of(call));
        }
    }

    private static void interrupt(List<Call<Object>> calls) throws InterruptedException {
        try {
            Controlled.settleAllowingBusyWaits();
            List<Call<Object>> waiting = new ArrayList<>();
            for (Call<Object> call : calls) {
                if (call.ended()) {
                    // Did not wait: the checks about blocking judge that.
                    BoundedBufferTest.rethrowUnchecked(List.of(call));
                } else {
                    waiting.add(call);
                }
            }
            waiting.forEach(Call::interrupt);
            for (Call<Object> call : waiting) {
                if (!call.awaitEnd(Duration.ofSeconds(1))) {
                    fail(BufferFeedback.interruptIgnored(call.name(), call.where()));
                }
                Throwable thrown = call.thrown().orElse(null);
                if (!(thrown instanceof InterruptedException)) {
                    BoundedBufferTest.rethrowUnchecked(List.of(call));
                    fail(BufferFeedback.interruptOutcome(call.name(), thrown, call.result()));
                }
            }
        } finally {
            Call.stop(calls);
        }
    }

    /** A call on the buffer after the interrupts, on a thread of its own: one that waits for ever is reported. */
    private static Object usable(String what, Call.Body<Object> body) throws InterruptedException {
        Call<Object> call = Call.start("after", body);
        if (!call.awaitEnd(BoundedBufferTest.PATIENCE)) {
            String where = call.where();
            Call.stop(List.of(call));
            fail(BufferFeedback.unusableAfterInterrupt(what, where));
        }
        BoundedBufferTest.rethrowUnchecked(List.of(call));
        return call.thrown().isPresent() ? call.thrown().get() : call.result();
    }

    private static String alreadyInterruptedOutcome(String call, Throwable thrown, Object returned) {
        String got = thrown != null ? "threw " + thrown
                : call.startsWith("put(") ? "returned normally" : "returned " + returned;
        String text = call + ", made on a thread whose interrupt flag was already set, " + got + ". A call that"
                + " has to wait throws InterruptedException at once on an interrupted thread, as wait(), await() and"
                + " lockInterruptibly() do, and changes nothing.";
        if (thrown instanceof IllegalMonitorStateException) {
            text += " The IllegalMonitorStateException comes from a finally that unlocks a lock the call never got:"
                    + " call lockInterruptibly() before the try whose finally unlocks, not inside it.";
        }
        return text;
    }

    private static String wakeUpLostAtDeadline(String schedule) {
        return "A poll(100 ms) and a take() waited on an empty buffer of capacity 1, and an item was put just as the"
                + " poll's time ran out, then a second one. In one order of their steps the item stayed in the buffer"
                + " while take() waited for ever, and the second put waited for room:\n" + schedule + "\nA timed"
                + " call woken just as its time is up must look at the buffer once more (and take the item), not give"
                + " up at once: the wake-up it used was the take's.";
    }
}
