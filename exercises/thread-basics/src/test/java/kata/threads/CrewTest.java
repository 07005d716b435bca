package kata.threads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.LongFunction;
import kata.support.Graded;
import kata.support.interleave.Controlled;
import kata.support.interleave.Interleavings;
import kata.support.threads.Call;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Public checks. Each runs under the scheduler ({@link Controlled#run}): the boss (the thread that
 * uses the crew, like the seed's main thread) is a thread of its own, and jobs that must still be
 * running when the check looks stay inside until the check lets them out ({@link Jobs}). After
 * {@code settle()} every thread has got as far as it can, so "all four at once" and "still running
 * at the deadline" are facts on any machine. Time is virtual: a deadline ends exactly when it is
 * due, and a wait of ten minutes costs nothing.
 */
class CrewTest {

    static final String BOSS = "boss";

    /** How long (virtual time) a check waits for the boss; far beyond any deadline it gives. */
    static final Duration PATIENCE = Duration.ofMinutes(10);

    /** How late awaitAll may return after its deadline (a join rounded up to whole milliseconds, say). */
    static final Duration LATE = Duration.ofMillis(20);

    /** Deadlines awaitAll is tried with: milliseconds, seconds, below a millisecond. */
    static final List<Duration> DEADLINES = List.of(Duration.ofMillis(500), Duration.ofSeconds(2),
            Duration.ofNanos(300_000));

    /**
     * The longest deadline whose toNanos() does not throw: System.nanoTime() + it overflows (the run's
     * clock starts at the real, positive nanoTime), so only an end compared by difference works.
     */
    static final Duration FOREVER = Duration.ofNanos(Long.MAX_VALUE);

    /**
     * The shortest deadline for which System.nanoTime() + deadline overflows at this time: it catches a
     * crew that handles the overflow for Long.MAX_VALUE alone, whatever the clock's origin is. (At zero
     * or below no deadline up to Long.MAX_VALUE overflows; the run's clock starts at the real nanoTime,
     * which HotSpot counts from boot.)
     */
    static Duration shortestOverflowing(long now) {
        return now > 0 ? Duration.ofNanos(Long.MAX_VALUE - now + 1) : FOREVER;
    }

    /** A deadline with a fraction of a millisecond above one millisecond. */
    static final Duration FRACTIONAL_DEADLINE = Duration.ofNanos(2_500_000);

    /** What the boss saw: the threads it launched, what awaitAll reported, and how long awaitAll took. */
    record Awaited(List<Thread> threads, List<String> alive, long awaitNanos) {
        List<String> names() {
            return threads.stream().map(Thread::getName).toList();
        }

        Duration took() {
            return Duration.ofNanos(awaitNanos);
        }
    }

    @Test
    @DisplayName("Each job runs once, on the thread launch returns (both styles), not on the caller's; launch returns while the job runs")
    @Graded(id = "runs-on-new-threads", points = 2, timeoutSeconds = 30)
    void jobsRunOnNewThreads() throws Exception {
        Controlled.run(() -> {
            Jobs jobs = new Jobs();
            try {
                Call<List<Thread>> boss = boss(() -> {
                    Crew crew = new Crew();
                    return List.of(crew.launch(jobs.held("alice")), crew.launchSubclassed(jobs.held("bob")));
                });
                expectLaunchesReturned(boss, jobs, List.of("alice", "bob"));
                List<Thread> returned = boss.result();
                jobs.letOut();
                joinAll(returned);
                assertRanOnce("alice", "launch", returned.get(0), jobs);
                assertRanOnce("bob", "launchSubclassed", returned.get(1), jobs);
            } finally {
                cleanUp(jobs);
            }
        });
    }

    @Test
    @DisplayName("Threads carry their job's name, in both styles; launch gives a plain Thread, launchSubclassed a JobThread")
    @Graded(id = "thread-names", points = 1, timeoutSeconds = 30)
    void threadsCarryTheJobsName() throws Exception {
        JobThread direct = new JobThread(new Job("carol", () -> { }));
        assertEquals("carol", direct.getName(),
                () -> CrewFeedback.wrongName("new JobThread(new Job(\"carol\", ...))", "carol", direct.getName()));

        Controlled.run(() -> {
            Jobs jobs = new Jobs();
            try {
                Call<List<Thread>> boss = boss(() -> {
                    Crew crew = new Crew();
                    return List.of(crew.launch(jobs.quick("dave")), crew.launchSubclassed(jobs.quick("erin")));
                });
                expectLaunchesReturned(boss, jobs, List.of("dave", "erin"));
                Thread dave = boss.result().get(0);
                Thread erin = boss.result().get(1);
                assertEquals("dave", dave.getName(),
                        () -> CrewFeedback.wrongName("launch(new Job(\"dave\", ...))", "dave", dave.getName()));
                assertEquals("erin", erin.getName(), () -> CrewFeedback.wrongName(
                        "launchSubclassed(new Job(\"erin\", ...))", "erin", erin.getName()));
                if (dave.getClass() != Thread.class) {
                    fail(CrewFeedback.wrongClass("launch",
                            "plain java.lang.Thread whose target is the job's work (the first style)", dave.getClass()));
                }
                if (!(erin instanceof JobThread)) {
                    fail(CrewFeedback.wrongClass("launchSubclassed", "JobThread (the second style)", erin.getClass()));
                }
            } finally {
                cleanUp(jobs);
            }
        });

        // The name must be there before the thread runs: in every order of the steps, the job sees it.
        nameSeenAsTheJobStarts("launch", Crew::launch);
        nameSeenAsTheJobStarts("launchSubclassed", Crew::launchSubclassed);
    }

    /** One crew's launch in a scenario, and the name its job found on its own thread as it started. */
    private static final class FirstName {
        final Crew crew = new Crew();
        final AtomicReference<Thread> ranOn = new AtomicReference<>();
        final AtomicReference<String> seen = new AtomicReference<>();
        final Job job;
        volatile Thread launcher;

        FirstName(String name) {
            job = new Job(name, () -> {
                if (ranOn.compareAndSet(null, Thread.currentThread())) {
                    seen.set(Thread.currentThread().getName());
                }
            });
        }

        void launchAndJoin(BiFunction<Crew, Job, Thread> launch) throws InterruptedException {
            launcher = Thread.currentThread();
            launch.apply(crew, job).join();
        }

        /** A job that ran on the launching thread, or not at all, is other checks' business. */
        void expectSeen(String how) {
            boolean ranOnItsOwnThread = ranOn.get() != null && ranOn.get() != launcher;
            if (ranOnItsOwnThread && !job.name().equals(seen.get())) {
                fail(CrewFeedback.nameSeenByJob(how, job.name(), seen.get()));
            }
        }
    }

    /** Two crews, each launching a job from a thread of its own, in every order of their steps. */
    private record TwoLaunches(FirstName frank, FirstName grace) {
        TwoLaunches() {
            this(new FirstName("frank"), new FirstName("grace"));
        }
    }

    private static void nameSeenAsTheJobStarts(String how, BiFunction<Crew, Job, Thread> launch) {
        // Every call on a Thread (setName too) is a point where the schedule may switch threads.
        Interleavings.everySchedule()
                .preemptingOnlyAtSynchronization()
                .given(TwoLaunches::new)
                .thread("boss", two -> two.frank().launchAndJoin(launch))
                .thread("other boss", two -> two.grace().launchAndJoin(launch))
                .check(two -> {
                    two.frank().expectSeen(how);
                    two.grace().expectSeen(how);
                });
    }

    @Test
    @DisplayName("Four jobs that stay inside until the check lets them out are all running at once, each on the thread its launch returned")
    @Graded(id = "all-in-flight", points = 3, timeoutSeconds = 30)
    void allJobsAreInFlightAtOnce() throws Exception {
        Controlled.run(() -> {
            Jobs jobs = new Jobs();
            try {
                List<String> names = List.of("job-1", "job-2", "job-3", "job-4");
                Call<List<Thread>> boss = boss(() -> launchBoth(new Crew(), names, jobs::held));
                expectLaunchesReturned(boss, jobs, names);
                Set<Thread> running = jobs.inside();
                List<Thread> launched = boss.result();
                if (running.size() != names.size()) {
                    fail(CrewFeedback.notAllInFlight(names.size(), running.size()));
                }
                assertEquals(running, Set.copyOf(launched), () -> CrewFeedback.notTheLaunchedThreads(
                        names(running), names(launched)));
            } finally {
                cleanUp(jobs);
            }
        });
    }

    @Test
    @DisplayName("With four jobs still running (two of them with the same name), awaitAll(500 ms), awaitAll(2 s) and awaitAll(300 µs) return at their deadline and name all four, in launch order; with one job, so does awaitAll(2.5 ms)")
    @Graded(id = "deadline-reports-alive", points = 3, timeoutSeconds = 60)
    void awaitAllGivesUpAtTheDeadline() throws Exception {
        // Names whose hash order differs from the launch order, one of them twice: names need not be
        // unique, and each thread is reported on its own.
        List<String> names = List.of("walt", "ann", "zoe", "ann");
        for (Duration deadline : DEADLINES) {
            Controlled.run(() -> {
                Jobs jobs = new Jobs();
                try {
                    Awaited awaited = awaitHeld(jobs, names, deadline);
                    assertEquals(awaited.names(), awaited.alive(), () -> CrewFeedback.wrongAlive(
                            "At the deadline all four jobs were still running", awaited.names(), awaited.alive()));
                } finally {
                    cleanUp(jobs);
                }
            });
        }
        // A deadline that is not a whole number of milliseconds, for the only thread there is to join:
        // a join rounded down to whole milliseconds returns before it.
        Controlled.run(() -> {
            Jobs jobs = new Jobs();
            try {
                Awaited awaited = awaitHeld(jobs, List.of("solo"), FRACTIONAL_DEADLINE);
                assertEquals(List.of("solo"), awaited.alive(), () -> CrewFeedback.wrongAlive(
                        "At the deadline its one job was still running", List.of("solo"), awaited.alive()));
            } finally {
                cleanUp(jobs);
            }
        });
    }

    @Test
    @DisplayName("awaitAll(30 s), awaitAll(Duration.ofNanos(Long.MAX_VALUE)) and awaitAll(the shortest deadline for which System.nanoTime() + deadline overflows) wait while the jobs run, also while only the second one still runs, and return the moment the last one has finished (one of them by throwing), reporting none")
    @Graded(id = "waits-for-the-end", points = 2, timeoutSeconds = 30)
    void awaitAllWaitsForTheJobs() throws Exception {
        List<LongFunction<Duration>> deadlines = List.of(now -> Duration.ofSeconds(30), now -> FOREVER,
                CrewTest::shortestOverflowing);
        for (LongFunction<Duration> deadlineAt : deadlines) {
            awaitAllWaitsForTheJobs(deadlineAt);
        }
    }

    /** As {@link #awaitAllWaitsForTheJobs()}, with the deadline computed from the boss's time as it calls awaitAll. */
    private static void awaitAllWaitsForTheJobs(LongFunction<Duration> deadlineAt) throws Exception {
        Controlled.run(() -> {
            Jobs jobs = new Jobs();
            try {
                AtomicReference<Duration> given = new AtomicReference<>();
                Call<List<String>> boss = boss(() -> {
                    Crew crew = new Crew();
                    // job-3 ends by throwing: its thread ends like the others.
                    launchBoth(crew, List.of("job-1", "job-2", "job-3", "job-4"),
                            name -> name.equals("job-3") ? jobs.gatedThenThrows(name) : jobs.gated(name));
                    // Time stands still while the boss runs: awaitAll's System.nanoTime() is this one.
                    given.set(deadlineAt.apply(Controlled.nanoTime()));
                    return crew.awaitAll(given.get());
                });
                Duration deadline = given.get();
                if (boss.ended()) {
                    rethrow(boss);
                    fail(CrewFeedback.didNotWait(deadline, boss.result()));
                }
                // Some time passes (an odd amount, between any poller's ticks), then every job ends.
                TimeUnit.NANOSECONDS.sleep(1_234_567_891L);
                Controlled.settle();
                if (boss.ended()) {
                    rethrow(boss);
                    fail(CrewFeedback.didNotWait(deadline, boss.result()));
                }
                // The jobs end one at a time, the second one last: a boss that skips a thread, or stops
                // waiting once the others ended, returns while it still runs.
                List<String> ended = new ArrayList<>();
                for (String name : List.of("job-1", "job-3", "job-4")) {
                    jobs.letOut(name);
                    ended.add(name);
                    Controlled.settle();
                    if (boss.ended()) {
                        rethrow(boss);
                        fail(CrewFeedback.returnedWhileOneRan(deadline, ended, "job-2", boss.result()));
                    }
                }
                long finished = Controlled.nanoTime();
                jobs.letOut("job-2");
                boss.awaitEnd(PATIENCE);
                if (!boss.ended()) {
                    fail(CrewFeedback.notBackAfterFinish(deadline, PATIENCE) + CrewFeedback.whereIs(boss));
                }
                rethrow(boss);
                long late = boss.endNanos() - finished;
                if (late > 0) {
                    boolean atDeadline = boss.endNanos() - boss.startNanos() >= deadline.toNanos();
                    fail(CrewFeedback.lateAfterFinish(deadline, Duration.ofNanos(late), atDeadline, "job-3"));
                }
                assertEquals(List.of(), boss.result(), () -> CrewFeedback.wrongAlive("All four jobs had finished",
                        List.of(), boss.result()));
            } finally {
                cleanUp(jobs);
            }
        });
    }

    @Test
    @DisplayName("aliveCount counts the crew's own live threads: 3 while held, two of them with the same name (with another crew's 2 running too), 1 while a job that threw is still in its exception handler, 0 after, also when launches raced with the ends of jobs")
    @Graded(id = "alive-count", points = 1, timeoutSeconds = 30)
    void aliveCountCountsTheCrewsThreads() throws Exception {
        Controlled.run(() -> {
            Jobs jobs = new Jobs();
            try {
                Semaphore count = new Semaphore(0);
                Call<Object> boss = boss(() -> {
                    Crew other = new Crew();
                    launchBoth(other, List.of("other-1", "other-2"), jobs::held);
                    Crew crew = new Crew();
                    // Two jobs share a name (names need not be unique), and one ends by throwing.
                    List<Thread> started = launchBoth(crew, List.of("job-1", "job-2", "job-1"),
                            name -> name.equals("job-2") ? jobs.heldThenThrowsAndLingers(name) : jobs.held(name));
                    // Counts once every job is inside (waiting there, alive all the same).
                    count.acquire();
                    int whileHeld = crew.aliveCount();
                    if (whileHeld != 3) {
                        fail(CrewFeedback.wrongAliveCount("while its three jobs were running, two of them named"
                                + " \"job-1\" (and another crew's two)", 3, whileHeld));
                    }
                    jobs.letOut();
                    joinAll(List.of(started.get(0), started.get(2)));
                    // job-2 has thrown and its thread runs its uncaught-exception handler: alive still (unless the
                    // crew caught the exception itself, and the thread ended without the handler).
                    if (jobs.awaitHandling(PATIENCE)) {
                        int handling = crew.aliveCount();
                        if (handling != 1) {
                            fail(CrewFeedback.wrongAliveCount("while \"job-2\", which had thrown, was still in its"
                                    + " uncaught-exception handler (its thread alive) and the others had ended", 1,
                                    handling) + CrewFeedback.countTheThreads());
                        }
                    }
                    jobs.endAll();
                    joinAll(started);
                    int after = crew.aliveCount();
                    if (after != 0) {
                        fail(CrewFeedback.wrongAliveCount("after its three jobs had finished, \"job-2\" by throwing an"
                                + " exception", 0, after));
                    }
                    return null;
                });
                if (boss.ended()) {
                    rethrow(boss);
                }
                count.release();
                boss.awaitEnd(PATIENCE);
                if (!boss.ended()) {
                    fail(CrewFeedback.stuck("launching jobs and counting them") + CrewFeedback.whereIs(boss));
                }
                rethrow(boss);
            } finally {
                cleanUp(jobs);
            }
        });
        countAfterLaunchesRacingEnds();
    }

    /** Two crews, each with a boss of its own. */
    private record TwoCrews(Crew crew, Crew other) {
        TwoCrews() {
            this(new Crew(), new Crew());
        }
    }

    /**
     * Three quick jobs, each launched while the one before may be ending, and another crew's boss
     * with a quick job beside them: in every order of the steps (one preemption), each count is 0
     * once its boss has joined its jobs. A count that the boss raises and the jobs lower loses an
     * update when the two race.
     */
    private static void countAfterLaunchesRacingEnds() {
        Interleavings.everySchedule().preemptions(1)
                .given(TwoCrews::new)
                .thread(BOSS, two -> joinAll(launchBoth(two.crew(), List.of("quick-1", "quick-2", "quick-3"),
                        name -> new Job(name, () -> { }))))
                .thread("other boss", two -> joinAll(List.of(two.other().launch(new Job("other", () -> { })))))
                .check(two -> {
                    int after = two.crew().aliveCount();
                    int otherAfter = two.other().aliveCount();
                    if (after != 0 || otherAfter != 0) {
                        fail(CrewFeedback.lostCount(after, otherAfter));
                    }
                });
    }

    // ---- shared by the public and the hidden checks ----

    /** Starts the boss's script on a thread of its own and lets every thread get as far as it can. */
    static <T> Call<T> boss(Call.Body<T> script) {
        Call<T> boss = Call.start(BOSS, script);
        Controlled.settle();
        return boss;
    }

    /**
     * Requires that the boss's launches have returned while the jobs run: a job that runs on the boss
     * (run() instead of start()) keeps it inside the launch.
     */
    static void expectLaunchesReturned(Call<?> boss, Jobs jobs, List<String> names) {
        if (!boss.ended()) {
            for (String name : names) {
                if (jobs.ranOn(name).contains(boss.thread())) {
                    fail(CrewFeedback.ranOnCaller(name, BOSS) + CrewFeedback.whereIs(boss));
                }
            }
            fail(CrewFeedback.stuckInLaunch() + CrewFeedback.whereIs(boss));
        }
        rethrow(boss);
    }

    /** Launches the held jobs (odd ones with launch, even ones subclassed), then awaitAll(deadline). */
    static Awaited awaitHeld(Jobs jobs, List<String> names, Duration deadline) throws Exception {
        Call<Awaited> boss = boss(() -> {
            Crew crew = new Crew();
            List<Thread> started = launchBoth(crew, names, jobs::held);
            long start = Controlled.nanoTime();
            List<String> alive = crew.awaitAll(deadline);
            return new Awaited(started, alive, Controlled.nanoTime() - start);
        });
        boss.awaitEnd(PATIENCE);
        if (!boss.ended()) {
            fail(CrewFeedback.missedDeadline(names.size(), deadline, PATIENCE) + CrewFeedback.whereIs(boss));
        }
        rethrow(boss);
        Awaited awaited = boss.result();
        if (awaited.took().compareTo(deadline) < 0) {
            fail(CrewFeedback.returnedEarly(awaited.took(), deadline, names.size(), awaited.alive()));
        }
        if (awaited.took().compareTo(deadline.plus(LATE)) > 0) {
            fail(CrewFeedback.returnedLate(names.size(), deadline, awaited.took()));
        }
        return awaited;
    }

    /** Launches jobs with these names: odd ones (1st, 3rd, ...) with launch, even ones subclassed. */
    static List<Thread> launchBoth(Crew crew, List<String> names, Function<String, Job> job) {
        List<Thread> started = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            Job made = job.apply(names.get(i));
            started.add(i % 2 == 0 ? crew.launch(made) : crew.launchSubclassed(made));
        }
        return started;
    }

    /** Waits (virtual time) for threads that end once nothing holds them. */
    static void joinAll(List<Thread> threads) throws InterruptedException {
        for (Thread thread : threads) {
            TimeUnit.NANOSECONDS.timedJoin(thread, PATIENCE.toNanos());
        }
    }

    /** Throws what the boss threw: the stub's message and assertions as they are, else as a failure naming it. */
    static void rethrow(Call<?> boss) {
        Throwable thrown = boss.thrown().orElse(null);
        if (thrown == null) {
            return;
        }
        if (thrown instanceof UnsupportedOperationException notWritten) {
            throw notWritten;
        }
        if (thrown instanceof AssertionError assertion) {
            throw assertion;
        }
        fail(CrewFeedback.threw(thrown), thrown);
    }

    /**
     * After a check: lets every job out, then waits for the boss (interrupting it if it is still
     * stuck). Only the boss is joined: the crew's own threads may be joined by the crew itself, and
     * they end once the jobs are out.
     */
    static void cleanUp(Jobs jobs) throws InterruptedException {
        jobs.endAll();
        for (Thread thread : Controlled.startedThreads()) {
            if (thread.getName().equals(BOSS)) {
                TimeUnit.NANOSECONDS.timedJoin(thread, PATIENCE.toNanos());
                if (thread.isAlive()) {
                    thread.interrupt();
                    TimeUnit.NANOSECONDS.timedJoin(thread, PATIENCE.toNanos());
                }
            }
        }
        // The jobs, let out, end now: none is left alive for the next check to see.
        Controlled.settleAllowingBusyWaits();
    }

    static String names(java.util.Collection<Thread> threads) {
        return threads.stream().map(thread -> "\"" + thread.getName() + "\"").sorted().toList().toString();
    }

    private static void assertRanOnce(String job, String how, Thread returned, Jobs jobs) {
        List<Thread> ranOn = jobs.ranOn(job);
        if (ranOn.isEmpty()) {
            fail(CrewFeedback.neverRan(job, how));
        }
        if (ranOn.size() > 1) {
            fail(CrewFeedback.ranTwice(job, how, ranOn.size()));
        }
        if (ranOn.get(0) != returned) {
            fail(CrewFeedback.ranElsewhere(job, ranOn.get(0).getName(), returned.getName()));
        }
    }
}
