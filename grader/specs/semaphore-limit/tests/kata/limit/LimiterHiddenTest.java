package kata.limit;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import kata.support.Graded;
import kata.support.Visibility;
import kata.support.interleave.Controlled;
import kata.support.interleave.InterleavingFailure;
import kata.support.interleave.Interleavings;
import kata.support.threads.Call;
import kata.support.threads.Gate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Hidden checks: the limit follows the constructor and holds in every order of the callers' steps,
 * the timed variant waits for a permit in any unit, neither a timeout nor an interrupt hands out a
 * permit that was never taken, and waiting callers block. Each compares the limiter with itself
 * (before and after, or in the usual order and in every order), so that it targets its own mistake
 * and not a wrong count, which three-at-once and permits-as-given judge.
 */
class LimiterHiddenTest {

    @Test
    @DisplayName("The limit is the number of permits given: Limiter(1) runs 1 task at once, Limiter(5) runs 5")
    @Graded(id = "permits-as-given", points = 2, visibility = Visibility.AFTER_DUE_DATE, timeoutSeconds = 30)
    void limitFollowsTheConstructor() throws Exception {
        Controlled.run(() -> {
            for (int permits : new int[] {1, 5}) {
                try (Crowd crowd = Crowd.gather(new Limiter(permits), "task", permits + 3)) {
                    if (crowd.inside() != permits) {
                        fail(LimiterFeedback.wrongCount(permits, crowd.size(), crowd.inside()));
                    }
                }
            }
        });
    }

    /** How soon a timed caller must take a permit that came back: far less than the time its timeout has left. */
    private static final Duration NOTICE = Duration.ofMillis(100);

    /** A timed caller that waits for a permit, and when the test lets one come back. */
    private record Waiter(LimiterTest.Timeout timeout, Duration releaseAt) {
    }

    @Test
    @DisplayName("tryRun(task, 2 s), (1 500 000 µs), (1 min), (500 µs) and (Long.MAX_VALUE ms) wait for a permit that frees up within their timeout, take it at once, run the task and return true")
    @Graded(id = "timed-waits-for-permit", points = 2, visibility = Visibility.AFTER_DUE_DATE, timeoutSeconds = 30)
    void timedRunWaitsForAPermit() throws Exception {
        List<List<Waiter>> rounds = List.of(
                List.of(new Waiter(new LimiterTest.Timeout(2, TimeUnit.SECONDS), Duration.ofMillis(1000)),
                        new Waiter(new LimiterTest.Timeout(1_500_000, TimeUnit.MICROSECONDS), Duration.ofMillis(1200))),
                List.of(new Waiter(new LimiterTest.Timeout(1, TimeUnit.MINUTES), Duration.ofSeconds(30))),
                // Below a millisecond is a real timeout too: one cut down to whole milliseconds gives up at once.
                List.of(new Waiter(new LimiterTest.Timeout(500, TimeUnit.MICROSECONDS), Duration.ofNanos(200_000))),
                // As long as a timeout can be: now + timeout overflows, so only a difference of times compares right.
                List.of(new Waiter(new LimiterTest.Timeout(Long.MAX_VALUE, TimeUnit.MILLISECONDS), Duration.ofSeconds(1))));
        Controlled.run(() -> {
            for (List<Waiter> round : rounds) {
                waitForPermits(round);
            }
        });
    }

    /**
     * Holders take every permit of a Limiter(2) (as many as it lets run at once: a wrong count is
     * judged elsewhere); the round's timed callers wait; holders end one by one at the given times,
     * and each freed permit must go to a timed caller at once.
     */
    private static void waitForPermits(List<Waiter> round) throws InterruptedException {
        Limiter limiter = new Limiter(2);
        int usual = Crowd.atOnce(limiter, "before", 4);
        long start = Controlled.nanoTime();
        List<Call<Object>> calls = new ArrayList<>();
        List<AtomicBoolean> ran = new ArrayList<>();
        try (Crowd holders = Crowd.gather(limiter, "holder", usual)) {
            for (Waiter waiter : round) {
                AtomicBoolean taskRan = new AtomicBoolean();
                ran.add(taskRan);
                calls.add(LimiterTest.startTimed(limiter, waiter.timeout(), taskRan, calls.size() + 1));
            }
            holders.settle();
            for (int i = 0; i < calls.size(); i++) {
                Call<Object> call = calls.get(i);
                if (call.ended() && !(Boolean.TRUE.equals(call.result()) && ran.get(i).get())) {
                    // Ran at once with a free permit: only a limiter with more permits than given (judged by
                    // permits-as-given) has one; returned false at once: it did not wait.
                    LimiterTest.rethrow(call);
                    fail(LimiterFeedback.gaveUpBeforePermit(round.get(i).timeout().toString(), call.result(),
                            call.took(), round.get(i).timeout().duration()));
                }
            }
            for (Waiter waiter : round) {
                long releaseAt = start + waiter.releaseAt().toNanos();
                TimeUnit.NANOSECONDS.sleep(Math.max(0, releaseAt - Controlled.nanoTime()));
                failIfGaveUpEarly(round, calls, ran);
                holders.letOut(1);
                holders.settle();
                // A caller that sleeps and looks again may take a little while (waiting-blocks judges that);
                // one woken only by its own timeout takes until then.
                TimeUnit.NANOSECONDS.sleep(NOTICE.toNanos());
                holders.settle();
            }
            failIfGaveUpEarly(round, calls, ran);
            long lastRelease = start + round.get(round.size() - 1).releaseAt().toNanos();
            Duration afterRelease = Duration.ofNanos(Controlled.nanoTime() - lastRelease);
            for (int i = 0; i < calls.size(); i++) {
                Call<Object> call = calls.get(i);
                if (!call.ended()) {
                    fail(LimiterFeedback.missedFreedPermit(round.get(i).timeout().toString(), null, false,
                            afterRelease));
                }
                LimiterTest.rethrow(call);
                if (!Boolean.TRUE.equals(call.result()) || !ran.get(i).get()) {
                    fail(LimiterFeedback.missedFreedPermit(round.get(i).timeout().toString(), call.result(),
                            ran.get(i).get(), Duration.ofNanos(call.endNanos() - lastRelease)));
                }
            }
        } finally {
            Call.stop(calls);
        }
    }

    /** A timed caller that returned false while no permit had come back gave up before its timeout. */
    private static void failIfGaveUpEarly(List<Waiter> round, List<Call<Object>> calls, List<AtomicBoolean> ran) {
        for (int i = 0; i < calls.size(); i++) {
            Call<Object> call = calls.get(i);
            if (call.ended() && !Boolean.TRUE.equals(call.result())) {
                LimiterTest.rethrow(call);
                fail(LimiterFeedback.gaveUpBeforePermit(round.get(i).timeout().toString(), call.result(),
                        call.took(), round.get(i).timeout().duration()));
            }
        }
    }

    @Test
    @DisplayName("Calls of tryRun that time out (after 50 ms, and at once with 0) give no permit back: afterwards as many tasks run at once as before")
    @Graded(id = "timeout-keeps-limit", points = 2, visibility = Visibility.AFTER_DUE_DATE, timeoutSeconds = 30)
    void timeoutKeepsTheLimit() throws Exception {
        Controlled.run(() -> {
            Limiter limiter = new Limiter(3);
            int before = Crowd.atOnce(limiter, "before", 6);
            List<Call<Object>> impatient = new ArrayList<>();
            int timedOut = 0;

            try (Crowd holders = Crowd.gather(limiter, "holder", before)) {
                impatient.add(Call.start("impatient-1", () -> limiter.tryRun(() -> { }, 50, TimeUnit.MILLISECONDS)));
                impatient.add(Call.start("impatient-2", () -> limiter.tryRun(() -> { }, 0, TimeUnit.MILLISECONDS)));
                for (Call<Object> call : impatient) {
                    // One that never gives up fails timed-gives-up; here it gets a permit once the holders end.
                    if (call.awaitEnd(Crowd.PATIENCE)) {
                        LimiterTest.rethrow(call);
                        timedOut += Boolean.FALSE.equals(call.result()) ? 1 : 0;
                    }
                }
            } finally {
                Call.stop(impatient);
            }
            int after = Crowd.atOnce(limiter, "after", 6);

            if (after != before) {
                fail(LimiterFeedback.changedByTimeout(timedOut, before, after));
            }
        });
        timeoutAtTheMomentOfARelease();
    }

    /**
     * A holder gives its permit back exactly when a tryRun's 100 ms run out, while a run(task) waits
     * too: in every order of what happens at that instant, the waiting run(task) must get the permit.
     * A wake-up handed to the tryRun that then gives up for its time must not be lost.
     */
    private static void timeoutAtTheMomentOfARelease() throws Exception {
        if (!letsOneInAtATime()) {
            return; // A Limiter(1) that does not let exactly one in: permits-as-given judges that.
        }
        try {
            // Every order of who goes first when the holder's and the tryRun's times run out together, and
            // of whom notify() wakes; and one preemption at any step: a waiter handed the permit directly (a
            // queue of parked waiters, a volatile "granted" field) may read that field, be preempted, and
            // give up after the hand-over.
            Interleavings.everySchedule().preemptions(1)
                    .given(() -> new Limiter(1))
                    // parkNanos: virtual time on every JDK (a check's own Thread.sleep is native on 17).
                    .thread("holder", limiter -> limiter.run(
                            () -> LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100))))
                    .thread("impatient", limiter -> limiter.tryRun(() -> { }, 100, TimeUnit.MILLISECONDS))
                    .thread("patient", limiter -> {
                        try {
                            limiter.run(() -> { });
                        } catch (RuntimeException turnedAway) {
                            // A caller turned away is judged by extra-callers-wait; here only lost wake-ups.
                        }
                    })
                    .run();
        } catch (InterleavingFailure failure) {
            if (failure.noThreadCanContinue()) {
                fail(LimiterFeedback.wakeUpLostToTimeout(failure.getMessage()), failure);
            }
            throw failure;
        }
    }

    @Test
    @DisplayName("A waiting run(task) and a waiting tryRun(task, 1 min) that are interrupted throw InterruptedException without running the task, and the limit stays as it was")
    @Graded(id = "interrupt-while-waiting", points = 2, visibility = Visibility.AFTER_DUE_DATE, timeoutSeconds = 30)
    void interruptedCallerLeavesTheLimitAlone() throws Exception {
        Controlled.run(() -> {
            Limiter limiter = new Limiter(2);
            int before = Crowd.atOnce(limiter, "before", 5);
            AtomicBoolean untimedRan = new AtomicBoolean();
            AtomicBoolean timedRan = new AtomicBoolean();
            List<Call<Object>> waiters = new ArrayList<>();
            List<AtomicBoolean> ran = List.of(untimedRan, timedRan);

            try (Crowd holders = Crowd.gather(limiter, "holder", before)) {
                waiters.add(Call.start("waiter", () -> {
                    limiter.run(() -> untimedRan.set(true));
                    return null;
                }));
                waiters.add(Call.start("timed-waiter", () -> limiter.tryRun(() -> timedRan.set(true), 1,
                        TimeUnit.MINUTES)));
                holders.settle();
                // Only a caller that waits can be interrupted out of its wait; one that finished at once is
                // judged by the checks about that.
                List<Integer> waiting = new ArrayList<>();
                for (int i = 0; i < waiters.size(); i++) {
                    if (waiters.get(i).ended()) {
                        if (waiters.get(i).thrown().orElse(null) instanceof UnsupportedOperationException unwritten) {
                            throw unwritten;
                        }
                    } else {
                        waiting.add(i);
                    }
                }
                waiting.forEach(i -> waiters.get(i).interrupt());
                for (int i : waiting) {
                    Call<Object> waiter = waiters.get(i);
                    if (!waiter.awaitEnd(Duration.ofSeconds(1))) {
                        fail(LimiterFeedback.ignoredInterrupt(waiter.name(), waiter.where()));
                    }
                    Throwable thrown = waiter.thrown().orElse(null);
                    if (!(thrown instanceof InterruptedException) || ran.get(i).get()) {
                        if (thrown instanceof UnsupportedOperationException unwritten) {
                            throw unwritten;
                        }
                        fail(LimiterFeedback.wrongInterruptOutcome(waiter.name(), thrown, waiter.result(),
                                ran.get(i).get()));
                    }
                }
            } finally {
                Call.stop(waiters);
            }
            int after = Crowd.atOnce(limiter, "after", 5);

            if (after != before) {
                fail(LimiterFeedback.changedByInterrupt(before, after));
            }
        });
        interruptAtTheMomentOfARelease(false);
        interruptAtTheMomentOfARelease(true);
    }

    /** Whether a Limiter(1) lets exactly one of two callers in at once. */
    private static boolean letsOneInAtATime() throws Exception {
        int[] usual = new int[1];
        Controlled.run(() -> {
            try {
                usual[0] = Crowd.atOnce(new Limiter(1), "task", 2);
            } catch (IllegalArgumentException refused) {
                usual[0] = 0;
            }
        });
        return usual[0] == 1;
    }

    /** A Limiter(1), and the thread of the caller that waits for its permit. */
    static final class InterruptRace {
        final Limiter limiter = new Limiter(1);
        volatile Thread waiter;
    }

    /**
     * A holder gives its permit back at the very moment the caller waiting for it is interrupted: in
     * every order of what happens then (one preemption), the caller either runs its task or throws
     * InterruptedException, and either way the permit is free afterwards. A caller that looks at its
     * interrupt flag after taking the permit, and throws outside the try, keeps it for good.
     */
    private static void interruptAtTheMomentOfARelease(boolean timed) throws Exception {
        if (!letsOneInAtATime()) {
            return; // A Limiter(1) that does not let exactly one in: permits-as-given judges that.
        }
        String call = timed ? "tryRun(task, 1 min)" : "run(task)";
        AtomicBoolean probeEnds = new AtomicBoolean(true);
        Interleavings.everySchedule().preemptions(1)
                .given(InterruptRace::new)
                .thread("holder", race -> race.limiter.run(() -> LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100))))
                .thread("waiter", race -> {
                    race.waiter = Thread.currentThread();
                    try {
                        if (timed) {
                            race.limiter.tryRun(() -> { }, 1, TimeUnit.MINUTES);
                        } else {
                            race.limiter.run(() -> { });
                        }
                    } catch (InterruptedException expected) {
                        // Interrupted while it waited: allowed, as is running the task if the permit came first.
                    } catch (RuntimeException turnedAway) {
                        // A caller turned away is judged by extra-callers-wait; here only the permit counts.
                    }
                })
                .thread("interrupter", race -> {
                    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
                    race.waiter.interrupt();
                })
                .check(race -> {
                    Thread.interrupted(); // the check's own thread: nothing of the race's
                    if (!race.limiter.tryRun(() -> { }, 0, TimeUnit.MILLISECONDS)) {
                        fail(permitLostToInterrupt(call));
                    }
                    if (probeEnds.get() && aSecondPermit(race.limiter, probeEnds)) {
                        fail(permitInventedByInterrupt(call));
                    }
                });
    }

    /**
     * With a task of another thread holding the Limiter(1)'s one permit, does tryRun(task, 0) get in
     * too? Outside the explored schedules: the threads run as they would anywhere. A tryRun(task, 0)
     * that waits is judged by timed-gives-up: {@code probeEnds} turns the probe off for the
     * schedules after it.
     */
    private static boolean aSecondPermit(Limiter limiter, AtomicBoolean probeEnds) throws InterruptedException {
        CountDownLatch entered = new CountDownLatch(1);
        Gate gate = Gate.closed();
        Call<Void> holder = Call.run("holder", () -> limiter.run(() -> {
            entered.countDown();
            gate.pass();
        }));
        Call<Boolean> probe = null;
        try {
            // A holder that cannot get in is judged by permits-as-given; here only a second permit counts.
            if (!entered.await(10, TimeUnit.SECONDS)) {
                return false;
            }
            probe = Call.start("probe", () -> limiter.tryRun(() -> { }, 0, TimeUnit.MILLISECONDS));
            if (!probe.awaitEnd(Duration.ofSeconds(10))) {
                probeEnds.set(false);
                return false;
            }
            return Boolean.TRUE.equals(probe.result());
        } finally {
            gate.open();
            holder.awaitEnd(Duration.ofSeconds(10));
            if (probe != null) {
                probe.awaitEnd(Duration.ofSeconds(10));
            }
        }
    }

    /** This hidden check's message: kept out of the students' repository with the check. */
    private static String permitInventedByInterrupt(String call) {
        return "Limiter(1): a task gave its permit back at the very moment the " + call + " waiting for it was"
                + " interrupted. In the order of steps below, once every caller had finished, the limiter had two"
                + " permits: with a task holding one, tryRun(task, 0) on another thread got in too. The interrupted"
                + " call undid its wait although the release had already handed the permit to it: the permit"
                + " came back twice, once from the release and once from the interrupted call. A caller that"
                + " throws InterruptedException must undo exactly what it did, under the same lock as the"
                + " release: a permit already handed to it is its own (run the task, or pass the permit on).";
    }

    /** This hidden check's message: kept out of the students' repository with the check. */
    private static String permitLostToInterrupt(String call) {
        return "Limiter(1): a task gave its permit back at the very moment the " + call + " waiting for it was"
                + " interrupted. In the order of steps below, once every caller had finished, tryRun(task, 0) found"
                + " no free permit: the interrupted call took the permit and then threw (or returned) without giving"
                + " it back. An interrupt that arrives once the permit is taken is too late to refuse it: run the"
                + " task (the flag stays set for it to see), or give the permit back before throwing; acquire"
                + " immediately before the try whose finally releases.";
    }

    /** One schedule's limiter and what its callers' tasks saw. */
    record Race(Limiter limiter, AtomicInteger inside, AtomicInteger peak, AtomicInteger ran) {
        Race() {
            this(2);
        }

        Race(int permits) {
            this(new Limiter(permits), new AtomicInteger(), new AtomicInteger(), new AtomicInteger());
        }

        void call() throws InterruptedException {
            try {
                runTask();
            } catch (RuntimeException turnedAway) {
                // A caller turned away is judged by extra-callers-wait; here only the bound counts.
            }
        }

        /** Calls at the instant the first tasks end. */
        void callAsTheTaskEnds() throws InterruptedException {
            TimeUnit.MILLISECONDS.sleep(1);
            call();
        }

        private void runTask() throws InterruptedException {
            limiter.run(() -> {
                peak.accumulateAndGet(inside.incrementAndGet(), Math::max);
                try {
                    // The task takes a millisecond: every other caller gets as far as it can meanwhile.
                    TimeUnit.MILLISECONDS.sleep(1);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    inside.decrementAndGet();
                    ran.incrementAndGet();
                }
            });
        }
    }

    @Test
    @DisplayName("Limiter(2) with 3 callers, and Limiter(1) with a caller woken as a newcomer arrives: in every order of their steps, no more tasks run at once than when each caller runs until it waits; two tasks that end together give back both permits, in every order")
    @Graded(id = "limit-any-schedule", points = 2, visibility = Visibility.AFTER_DUE_DATE, timeoutSeconds = 60)
    void limitHoldsInEverySchedule() throws Exception {
        int[] usual = new int[1];
        Controlled.run(() -> usual[0] = Crowd.atOnce(new Limiter(2), "task", 3));
        if (usual[0] >= 3) {
            return; // Every caller got in at once: three-at-once and permits-as-given judge that.
        }
        Interleavings.everySchedule().preemptingOnlyAtSynchronization()
                    .given(Race::new)
                    .thread("caller-1", Race::call)
                    .thread("caller-2", Race::call)
                    .thread("caller-3", Race::call)
                    .check(race -> {
                        if (race.peak().get() > usual[0]) {
                            fail(LimiterFeedback.raceLetIn(2, 3, usual[0], race.peak().get()));
                        }
                    });
        wokenCallerRacingNewcomer();
        if (usual[0] == 2) {
            releasesRacing();
        }
    }

    /**
     * Limiter(1): a caller waits while the holder's task runs; the task ends (1 ms, virtual time) at the
     * instant a newcomer arrives. In every order of their steps (two preemptions where they synchronize),
     * never more than the usual number of tasks at once: a woken caller that looks for a free permit and
     * takes it in two steps, beside a newcomer's lock-free fast path, lets both in.
     */
    private static void wokenCallerRacingNewcomer() throws Exception {
        int[] usual = new int[1];
        Controlled.run(() -> {
            Limiter one;
            try {
                one = new Limiter(1);
            } catch (IllegalArgumentException refused) {
                return;
            }
            usual[0] = Crowd.atOnce(one, "task", 3);
        });
        if (usual[0] != 1) {
            return; // permits-as-given judges a Limiter(1) that is refused or does not run one task at once.
        }
        Interleavings.everySchedule().preemptingOnlyAtSynchronization().preemptions(2)
                .given(() -> new Race(1))
                .thread("holder", Race::call)
                .thread("waiter", Race::call)
                .thread("newcomer", Race::callAsTheTaskEnds)
                .check(race -> {
                    if (race.peak().get() > 1) {
                        fail(LimiterFeedback.raceLetIn(1, 3, 1, race.peak().get()));
                    }
                });
    }

    /** Two callers whose tasks end together, then two callers that must run their tasks at the same time. */
    static final class TwoReleases {
        final Limiter limiter = new Limiter(2);
        final CountDownLatch firstTwoInside = new CountDownLatch(2);
        final CountDownLatch released = new CountDownLatch(2);
        final CountDownLatch lastTwoInside = new CountDownLatch(2);

        void runTogetherThenRelease() throws InterruptedException {
            limiter.run(() -> meet(firstTwoInside));
            released.countDown();
        }

        void runTogetherAfterTheReleases() throws InterruptedException {
            released.await();
            limiter.run(() -> meet(lastTwoInside));
        }

        private static void meet(CountDownLatch inside) {
            inside.countDown();
            try {
                inside.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Limiter(2): two tasks end at the same moment and give their permits back; then two more callers
     * must both get in. In every order of their steps, with one preemption anywhere (inside a
     * {@code count++} too): a release that is a read and a write of the count, without the lock the
     * takers use, can lose one of the two permits.
     */
    private static void releasesRacing() {
        try {
            Interleavings.everySchedule().preemptions(1)
                    .given(TwoReleases::new)
                    .thread("first", TwoReleases::runTogetherThenRelease)
                    .thread("second", TwoReleases::runTogetherThenRelease)
                    .thread("third", TwoReleases::runTogetherAfterTheReleases)
                    .thread("fourth", TwoReleases::runTogetherAfterTheReleases)
                    .run();
        } catch (InterleavingFailure failure) {
            if (failure.noThreadCanContinue()) {
                fail(permitLostToRacingReleases(failure.getMessage()), failure);
            }
            throw failure;
        }
    }

    /** This hidden check's message: kept out of the students' repository with the check. */
    private static String permitLostToRacingReleases(String details) {
        return "Limiter(2): two tasks ended at the same moment and gave their permits back, then two more callers"
                + " came, whose tasks run together. In the order of steps below only one of them got in: one of the"
                + " two permits given back was lost. Giving a permit back is a read and a write of the count"
                + " (count++, even on a volatile field): two releases, or a release and a caller taking a permit,"
                + " can interleave and one update overwrites the other. Change the count only under the lock that"
                + " the callers who take permits use (or with an atomic).\n" + details;
    }

    /** A wait in run(task) that ends by itself sooner than this polls (Long.MAX_VALUE ns is as good as none). */
    private static final Duration POLL = Duration.ofHours(1);

    /**
     * Fails when the caller, waiting for a permit, polls in timed waits shorter than {@code least}; one
     * that gives up when its short wait ends took its time limit wrongly, which the checks about waiting
     * and timeouts judge.
     */
    private static void failIfPolling(Call<Object> caller, String call, Duration least, String threads)
            throws InterruptedException {
        Optional<Duration> limit = Controlled.pollingLimit(caller.thread(), least);
        if (limit.isPresent()) {
            fail(pollsInTimedWaits(caller.name(), call, limit.get(), threads));
        }
    }

    /** This hidden check's message: kept out of the students' repository with the check. */
    private static String pollsInTimedWaits(String caller, String call, Duration left, String threads) {
        return "While every permit was taken, \"" + caller + "\" waited in " + call + " in a wait that ends by itself"
                + " after " + LimiterFeedback.describe(left) + ":\n" + threads + "\nA wait that ends by itself and"
                + " looks for a permit again is a poll: the caller wakes again and again for nothing" + (call.startsWith("run")
                ? ", and a fair queue of waiters is lost at each retry. run(task) waits without a time limit until a"
                + " permit is given back (Semaphore.acquire(), or wait() and notifyAll() in a loop)."
                : ". A timed call waits for all the time it has left in one wait, woken early only by a release.");
    }

    @Test
    @DisplayName("Waiting callers block: they do not keep running while they wait, nor wait in short timed waits that end by themselves (run(task) has no time limit, tryRun(task, 1 min) waits for all its minute), and a permit given back reaches a waiting run(task) at once, not when it next looks")
    @Graded(id = "waiting-blocks", points = 2, visibility = Visibility.AFTER_DUE_DATE, timeoutSeconds = 30)
    void waitingCallersBlock() throws Exception {
        try {
            Controlled.run(() -> {
                Limiter limiter = new Limiter(2);
                try (Crowd crowd = Crowd.gather(limiter, "task", 4);
                     Crowd timed = Crowd.gatherTimed(limiter, "timed-task", 1, Duration.ofMinutes(1))) {
                    Controlled.settle();
                    // Blocked, but in short timed waits that end by themselves and look again: polling too.
                    String threads = crowd.describeWaiting() + "\n" + timed.describeWaiting();
                    for (Call<Object> caller : crowd.waitingForPermit()) {
                        failIfPolling(caller, "run(task)", POLL, threads);
                    }
                    for (Call<Object> caller : timed.waitingForPermit()) {
                        failIfPolling(caller, "tryRun(task, 1 min)", Duration.ofSeconds(30), threads);
                    }
                }
            });
        } catch (InterleavingFailure failure) {
            if ("unsettled".equals(failure.kind())) {
                fail(LimiterFeedback.busyWaiting(failure.getMessage()), failure);
            }
            throw failure;
        }
        Controlled.run(() -> {
            try (Crowd crowd = Crowd.gather(new Limiter(2), "task", 3)) {
                if (crowd.waitingForPermit().isEmpty()) {
                    return; // Nobody waits: the checks about the bound judge that.
                }
                int enteredBefore = crowd.entered();
                long released = Controlled.nanoTime();
                crowd.letOut(1);
                crowd.settle();
                if (crowd.entered() == enteredBefore) {
                    // Not in yet: a caller that sleeps and looks again comes in when it looks; one that is
                    // never woken is judged by extra-callers-wait.
                    TimeUnit.SECONDS.sleep(1);
                    crowd.settle();
                    if (crowd.entered() > enteredBefore) {
                        Duration late = Duration.ofNanos(crowd.lastEntryNanos() - released);
                        fail(LimiterFeedback.pollingLate(crowd.lastEntryName(), late));
                    }
                }
            }
        });
    }
}
