package kata.threads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import kata.support.Graded;
import kata.support.Visibility;
import kata.support.interleave.Controlled;
import kata.support.threads.Call;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Hidden checks, on the scheduler like the public ones ({@link CrewTest}): one deadline shared by
 * all threads, a deadline of zero, reporting only the threads still alive, a crew that is not
 * forgotten after a timed-out wait, an interrupt while waiting, and no thread but the jobs'.
 */
class CrewHiddenTest {

    @Test
    @DisplayName("20 running threads: awaitAll(500 ms) returns after 500 ms in all, not 500 ms per thread; so does awaitAll(2 s) with 5, and awaitAll(500 ms) with 4 of which one ends after 300 ms; awaitAll(400 ms) waits for a thread that ends before the deadline, not a share of it (slow 300 ms launched before quick 10 ms, three ending in reverse launch order, the first running past the deadline while a later one ends after 300 ms)")
    @Graded(id = "one-deadline-for-all", points = 2, visibility = Visibility.AFTER_DUE_DATE, timeoutSeconds = 60)
    void oneDeadlineForAllThreads() throws Exception {
        record Crowd(int jobs, Duration deadline) {
        }
        for (Crowd crowd : List.of(new Crowd(20, Duration.ofMillis(500)), new Crowd(5, Duration.ofSeconds(2)))) {
            List<String> names = IntStream.rangeClosed(1, crowd.jobs()).mapToObj(i -> "job-" + i).toList();
            Controlled.run(() -> {
                Jobs jobs = new Jobs();
                try {
                    CrewTest.Awaited awaited = CrewTest.awaitHeld(jobs, names, crowd.deadline());
                    assertEquals(awaited.names(), awaited.alive(), () -> CrewFeedback.wrongAlive("At the deadline all "
                            + crowd.jobs() + " jobs were still running", awaited.names(), awaited.alive()));
                } finally {
                    CrewTest.cleanUp(jobs);
                }
            });
        }
        Duration ms300 = Duration.ofMillis(300);
        // A deadline that starts again whenever a thread ends becomes a wait for the crew to fall silent;
        // one shared out among the threads gives up on a thread that outlives its share but not the deadline.
        for (Timeline timeline : List.of(
                new Timeline(Duration.ofMillis(500), new Shift("job-1", ms300), new Shift("job-2", null),
                        new Shift("job-3", null), new Shift("job-4", null)),
                new Timeline(Duration.ofMillis(400), new Shift("slow", ms300), new Shift("quick", Duration.ofMillis(10))),
                new Timeline(Duration.ofMillis(400), new Shift("job-1", Duration.ofMillis(390)),
                        new Shift("job-2", Duration.ofMillis(260)), new Shift("job-3", Duration.ofMillis(130))),
                new Timeline(Duration.ofMillis(400), new Shift("job-1", null), new Shift("job-2", ms300),
                        new Shift("job-3", Duration.ofMillis(10))))) {
            awaitTimeline(timeline);
        }
    }

    /** A job that ends this long after awaitAll was called, or runs on past the deadline (null). */
    private record Shift(String name, Duration endsAfter) {
        boolean runningAt(Duration time) {
            return endsAfter == null || endsAfter.compareTo(time) > 0;
        }
    }

    /** Jobs with distinct names in launch order, and the deadline awaitAll gets. */
    private record Timeline(Duration deadline, Shift... shifts) {
        /** When awaitAll must return: as the last job ends, at the latest at the deadline. */
        Duration due() {
            Duration due = Duration.ZERO;
            for (Shift shift : shifts) {
                if (shift.runningAt(deadline)) {
                    return deadline;
                }
                due = due.compareTo(shift.endsAfter()) > 0 ? due : shift.endsAfter();
            }
            return due;
        }

        List<String> runningAt(Duration time) {
            return Arrays.stream(shifts).filter(shift -> shift.runningAt(time)).map(Shift::name).toList();
        }

        String describe() {
            return "launched " + Arrays.stream(shifts).map(Shift::name).toList() + ", " + Arrays.stream(shifts)
                    .map(shift -> shift.name() + (shift.endsAfter() == null ? " running all along"
                            : " ending after " + CrewFeedback.text(shift.endsAfter())))
                    .collect(Collectors.joining(", "));
        }
    }

    /** awaitAll(deadline) while the check ends the jobs at their times: it returns when the timeline says. */
    private static void awaitTimeline(Timeline timeline) throws Exception {
        List<String> names = Arrays.stream(timeline.shifts()).map(Shift::name).toList();
        Controlled.run(() -> {
            Jobs jobs = new Jobs();
            try {
                AtomicLong start = new AtomicLong();
                Call<CrewTest.Awaited> boss = CrewTest.boss(() -> {
                    Crew crew = new Crew();
                    List<Thread> started = CrewTest.launchBoth(crew, names, jobs::gated);
                    start.set(Controlled.nanoTime());
                    List<String> alive = crew.awaitAll(timeline.deadline());
                    return new CrewTest.Awaited(started, alive, Controlled.nanoTime() - start.get());
                });
                if (!boss.ended()) {
                    List<Shift> byEnd = Arrays.stream(timeline.shifts()).filter(shift -> shift.endsAfter() != null)
                            .sorted(Comparator.comparing(Shift::endsAfter)).toList();
                    for (Shift shift : byEnd) {
                        long wait = start.get() + shift.endsAfter().toNanos() - Controlled.nanoTime();
                        if (wait > 0) {
                            TimeUnit.NANOSECONDS.sleep(wait);
                        }
                        jobs.letOut(shift.name());
                    }
                }
                boss.awaitEnd(CrewTest.PATIENCE);
                if (!boss.ended()) {
                    int running = timeline.runningAt(timeline.deadline()).size();
                    fail((running == 0 ? CrewFeedback.notBackAfterFinish(timeline.deadline(), CrewTest.PATIENCE)
                            : CrewFeedback.missedDeadline(running, timeline.deadline(), CrewTest.PATIENCE))
                            + CrewFeedback.whereIs(boss));
                }
                CrewTest.rethrow(boss);
                CrewTest.Awaited awaited = boss.result();
                Duration due = timeline.due();
                if (awaited.took().compareTo(due) < 0) {
                    fail(CrewFeedback.sharedDeadline(timeline.deadline(), awaited.took(), awaited.alive(),
                            timeline.runningAt(awaited.took()), timeline.describe()));
                }
                // Returning after the last job ended but before the deadline (a sleep, a poll) is waits-for-the-end's
                // business, and which names it reports is reports-only-alive's: here only the deadline.
                if (awaited.took().compareTo(timeline.deadline().plus(CrewTest.LATE)) > 0) {
                    fail(CrewFeedback.deadlineMoved(timeline.deadline(), awaited.took(), due, timeline.describe()));
                }
            } finally {
                CrewTest.cleanUp(jobs);
            }
        });
    }

    @Test
    @DisplayName("awaitAll(0 ms) does not wait: it reports the three running threads at once")
    @Graded(id = "zero-deadline", points = 1, visibility = Visibility.AFTER_DUE_DATE, timeoutSeconds = 30)
    void zeroDeadlineDoesNotWait() throws Exception {
        List<String> names = List.of("job-1", "job-2", "job-3");
        Controlled.run(() -> {
            Jobs jobs = new Jobs();
            try {
                Call<CrewTest.Awaited> boss = CrewTest.boss(() -> {
                    Crew crew = new Crew();
                    List<Thread> started = CrewTest.launchBoth(crew, names, jobs::held);
                    long start = Controlled.nanoTime();
                    List<String> alive = crew.awaitAll(Duration.ZERO);
                    return new CrewTest.Awaited(started, alive, Controlled.nanoTime() - start);
                });
                boss.awaitEnd(CrewTest.PATIENCE);
                if (!boss.ended()) {
                    fail(CrewFeedback.zeroDeadline(names.size(), null, CrewTest.PATIENCE) + CrewFeedback.whereIs(boss));
                }
                CrewTest.rethrow(boss);
                CrewTest.Awaited awaited = boss.result();
                if (awaited.awaitNanos() > 0) {
                    fail(CrewFeedback.zeroDeadline(names.size(), awaited.took(), CrewTest.PATIENCE));
                }
                assertEquals(awaited.names(), awaited.alive(), () -> CrewFeedback.wrongAlive(
                        "With a deadline of 0 ms and three jobs running", awaited.names(), awaited.alive()));
            } finally {
                CrewTest.cleanUp(jobs);
            }
        });
    }

    @Test
    @DisplayName("awaitAll reports only the threads still alive, not the ones that finished, whichever comes first")
    @Graded(id = "reports-only-alive", points = 2, visibility = Visibility.AFTER_DUE_DATE, timeoutSeconds = 30)
    void reportsOnlyTheLiving() throws Exception {
        // Which jobs finish quickly, by launch position; equal names, where the finished one is not the
        // first of its name, catch a report that strikes off the finished by name.
        boolean equalNamesKept = keepsEqualNames();
        for (Crewing crewing : List.of(
                new Crewing(List.of("quick-1", "slow-1", "quick-2", "slow-2"), List.of(true, false, true, false)),
                new Crewing(List.of("slow-1", "quick-1", "slow-2", "quick-2"), List.of(false, true, false, true)),
                new Crewing(List.of("Ann", "Bob", "Cid", "Bob"), List.of(false, false, false, true)),
                new Crewing(List.of("Ann", "Bob", "Cid", "Bob"), List.of(false, true, false, false)))) {
            List<String> names = crewing.names();
            if (Set.copyOf(names).size() < names.size() && !equalNamesKept) {
                continue;
            }
            Controlled.run(() -> {
                Jobs jobs = new Jobs();
                try {
                    List<String> slowNames = new ArrayList<>();
                    Call<List<String>> boss = CrewTest.boss(() -> {
                        Crew crew = new Crew();
                        List<Thread> quick = new ArrayList<>();
                        int[] launched = {0};
                        List<Thread> started = CrewTest.launchBoth(crew, names,
                                name -> crewing.quick().get(launched[0]++) ? jobs.quick(name) : jobs.held(name));
                        for (int i = 0; i < started.size(); i++) {
                            if (crewing.quick().get(i)) {
                                quick.add(started.get(i));
                            } else {
                                slowNames.add(started.get(i).getName());
                            }
                        }
                        // The quick ones have certainly finished before awaitAll is called; the slow ones are held.
                        CrewTest.joinAll(quick);
                        return crew.awaitAll(Duration.ofMillis(300));
                    });
                    boss.awaitEnd(CrewTest.PATIENCE);
                    if (!boss.ended()) {
                        fail(CrewFeedback.missedDeadline(2, Duration.ofMillis(300), CrewTest.PATIENCE)
                                + CrewFeedback.whereIs(boss));
                    }
                    CrewTest.rethrow(boss);
                    // The names the threads carry (a naming mistake is the business of thread-names).
                    List<String> expected = List.copyOf(slowNames);
                    assertEquals(expected, boss.result(),
                            () -> CrewFeedback.reportedFinished(names, expected, boss.result()));
                } finally {
                    CrewTest.cleanUp(jobs);
                }
            });
        }
    }

    /**
     * Whether a crew reports two running jobs of one name as two: one that keeps a thread per name
     * (deadline-reports-alive judges it) is not judged again with equal names here.
     */
    private static boolean keepsEqualNames() throws Exception {
        AtomicBoolean kept = new AtomicBoolean();
        Controlled.run(() -> {
            Jobs jobs = new Jobs();
            try {
                Call<List<String>> boss = CrewTest.boss(() -> {
                    Crew crew = new Crew();
                    CrewTest.launchBoth(crew, List.of("Bob", "Bob"), jobs::held);
                    return crew.awaitAll(Duration.ofMillis(300));
                });
                boss.awaitEnd(CrewTest.PATIENCE);
                kept.set(boss.ended() && boss.thrown().isEmpty() && List.of("Bob", "Bob").equals(boss.result()));
            } finally {
                CrewTest.cleanUp(jobs);
            }
        });
        return kept.get();
    }

    /** The names of a crew's jobs in launch order, and which of them finish at once. */
    private record Crewing(List<String> names, List<Boolean> quick) {
    }

    @Test
    @DisplayName("After awaitAll gives up, the crew still knows its threads: aliveCount counts them, a second awaitAll waits for them")
    @Graded(id = "crew-kept-after-await", points = 1, visibility = Visibility.AFTER_DUE_DATE, timeoutSeconds = 30)
    void crewKeptAfterAwait() throws Exception {
        List<String> names = List.of("job-1", "job-2", "job-3");
        Controlled.run(() -> {
            Jobs jobs = new Jobs();
            try {
                Call<Object> boss = CrewTest.boss(() -> {
                    Crew crew = new Crew();
                    List<String> launched = CrewTest.launchBoth(crew, names, jobs::held).stream()
                            .map(Thread::getName).toList();
                    List<String> first = crew.awaitAll(Duration.ofMillis(100));
                    if (!first.equals(launched)) {
                        fail(CrewFeedback.wrongAlive("At the deadline all three jobs were still running", launched, first));
                    }
                    int alive = crew.aliveCount();
                    if (alive != 3) {
                        fail(CrewFeedback.forgotten("aliveCount() returned " + alive + ", not 3"));
                    }
                    long start = Controlled.nanoTime();
                    List<String> second = crew.awaitAll(Duration.ofMillis(100));
                    long took = Controlled.nanoTime() - start;
                    if (!second.equals(launched) || took < Duration.ofMillis(100).toNanos()) {
                        fail(CrewFeedback.forgotten("a second awaitAll(100 ms) returned " + second + " after "
                                + CrewFeedback.text(Duration.ofNanos(took)) + " (expected " + launched + " after 100 ms)"));
                    }
                    return null;
                });
                boss.awaitEnd(CrewTest.PATIENCE);
                if (!boss.ended()) {
                    fail(CrewFeedback.stuck("awaiting three running jobs twice for 100 ms")
                            + CrewFeedback.whereIs(boss));
                }
                CrewTest.rethrow(boss);
            } finally {
                CrewTest.cleanUp(jobs);
            }
        });
    }

    @Test
    @DisplayName("Interrupted while awaitAll(1 min) waits, the boss gets InterruptedException at once, with its interrupt flag clear as join leaves it, and a later awaitAll(1 min) waits for the running jobs again")
    @Graded(id = "interrupt-while-waiting", points = 1, visibility = Visibility.AFTER_DUE_DATE, timeoutSeconds = 30)
    void interruptWhileWaiting() throws Exception {
        Controlled.run(() -> {
            Jobs jobs = new Jobs();
            try {
                AfterInterrupt after = new AfterInterrupt();
                Call<List<String>> boss = CrewTest.boss(() -> {
                    Crew crew = new Crew();
                    CrewTest.launchBoth(crew, List.of("job-1", "job-2"), jobs::held);
                    try {
                        return crew.awaitAll(Duration.ofMinutes(1));
                    } catch (InterruptedException interrupt) {
                        after.handle(crew);
                        throw interrupt;
                    }
                });
                if (boss.ended()) {
                    CrewTest.rethrow(boss);
                    fail(CrewFeedback.didNotWait(Duration.ofMinutes(1), boss.result()));
                }
                after.interruptedAt = Controlled.nanoTime();
                boss.interrupt();
                // No time passes: a boss that answered at once now waits in its second awaitAll.
                Controlled.settleAllowingBusyWaits();
                if (!after.threw) {
                    boss.awaitEnd(CrewTest.PATIENCE);
                }
                if (!after.threw) {
                    notInterrupted(boss, after.interruptedAt);
                }
                if (after.thrownAt > after.interruptedAt) {
                    fail(CrewFeedback.notInterrupted("threw InterruptedException only "
                            + CrewFeedback.text(Duration.ofNanos(after.thrownAt - after.interruptedAt)) + " later"));
                }
                if (after.flagged) {
                    fail(CrewFeedback.interruptReportedTwice(null));
                }
                // Still running, the second awaitAll waits for the held jobs; the clean-up lets them out.
                if (boss.ended()) {
                    fail(CrewFeedback.interruptReportedTwice(after.againThrown != null ? "threw " + after.againThrown
                            : "returned " + after.again));
                }
            } finally {
                CrewTest.cleanUp(jobs);
            }
        });
    }

    /** Fails for a first awaitAll that did not throw InterruptedException: stuck, returned, or threw another. */
    private static void notInterrupted(Call<List<String>> boss, long interrupted) {
        if (!boss.ended()) {
            fail(CrewFeedback.notInterrupted("had not returned " + CrewFeedback.text(CrewTest.PATIENCE) + " later")
                    + CrewFeedback.whereIs(boss));
        }
        Throwable thrown = boss.thrown().orElse(null);
        if (thrown instanceof UnsupportedOperationException notWritten) {
            throw notWritten;
        }
        fail(CrewFeedback.notInterrupted(thrown == null
                ? "returned " + boss.result() + " after " + CrewFeedback.text(Duration.ofNanos(boss.endNanos() - interrupted))
                : "threw " + thrown));
    }

    /**
     * What the boss saw once its first awaitAll threw InterruptedException: when, whether its interrupt
     * flag was still set, and, when it threw at once, what a second awaitAll(1 min) with both jobs still
     * running did. An interrupt thrown as an exception is used up: the boss, having handled it, may wait
     * again.
     */
    private static final class AfterInterrupt {
        volatile long interruptedAt;
        volatile boolean threw;
        volatile long thrownAt;
        volatile boolean flagged;
        volatile Throwable againThrown;
        volatile List<String> again;

        void handle(Crew crew) {
            thrownAt = Controlled.nanoTime();
            flagged = Thread.currentThread().isInterrupted();
            threw = true;
            if (flagged || thrownAt > interruptedAt) {
                return;
            }
            try {
                again = crew.awaitAll(Duration.ofMinutes(1));
            } catch (InterruptedException | RuntimeException e) {
                againThrown = e;
            }
        }
    }

    @Test
    @DisplayName("The crew starts no thread but the jobs', and none is left running once awaitAll returned, in time or at its deadline")
    @Graded(id = "leaves-nothing-running", points = 1, visibility = Visibility.AFTER_DUE_DATE,
            timeoutSeconds = 30)
    void leavesNothingRunning() throws Exception {
        for (boolean finished : new boolean[] {true, false}) {
            Controlled.run(() -> {
                Jobs jobs = new Jobs();
                try {
                    Call<List<Thread>> boss = CrewTest.boss(() -> {
                        Crew crew = new Crew();
                        List<Thread> started = CrewTest.launchBoth(crew, List.of("job-1", "job-2", "job-3"),
                                finished ? jobs::quick : jobs::held);
                        crew.awaitAll(Duration.ofSeconds(1));
                        return started;
                    });
                    boss.awaitEnd(CrewTest.PATIENCE);
                    if (!boss.ended()) {
                        fail(CrewFeedback.stuck("awaiting three jobs for 1 s") + CrewFeedback.whereIs(boss));
                    }
                    CrewTest.rethrow(boss);
                    Controlled.settle();
                    List<Thread> others = new ArrayList<>(Controlled.startedThreads());
                    others.remove(boss.thread());
                    others.removeAll(boss.result());
                    others.removeIf(Controlled::isEnding);
                    if (!others.isEmpty()) {
                        fail(CrewFeedback.extraThreads(finished ? "Every job had finished and awaitAll(1 s) had returned"
                                : "awaitAll(1 s) had given up on three running jobs", CrewTest.names(others)));
                    }
                } finally {
                    CrewTest.cleanUp(jobs);
                }
            });
        }
    }
}
