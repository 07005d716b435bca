package kata.threads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import kata.support.Graded;
import kata.support.threads.Gate;
import kata.support.threads.Threads;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Public checks. Jobs that must still be running when the check looks are held at a {@link Gate}
 * until the check opens it, so "still running", "all at once" and "past the deadline" are facts
 * the check controls, not timing it hopes for. Waits for what must happen are bounded generously.
 */
class CrewTest {

    /** How long a check waits for something that takes microseconds in a correct crew. */
    static final Duration BOUND = Duration.ofSeconds(5);
    static final Duration DEADLINE = Duration.ofMillis(500);

    /** What a boss script saw: the threads it launched, what awaitAll reported, and how long it took. */
    record Launched(List<Thread> threads, List<String> alive, long awaitMillis) {
        List<String> names() {
            return threads.stream().map(Thread::getName).toList();
        }
    }

    @Test
    @DisplayName("Each job runs on a new thread, the one launch returns, not on the caller's")
    @Graded(id = "runs-on-new-threads", points = 2, timeoutSeconds = 30)
    void jobsRunOnNewThreads() throws Exception {
        Map<String, Thread> ranOn = new ConcurrentHashMap<>();
        Boss<List<Thread>> boss = Boss.start(() -> {
            Crew crew = new Crew();
            Thread alice = crew.launch(new Job("alice", () -> ranOn.put("alice", Thread.currentThread())));
            Thread bob = crew.launchSubclassed(new Job("bob", () -> ranOn.put("bob", Thread.currentThread())));
            joinAll(List.of(alice, bob));
            return List.of(alice, bob);
        });
        try {
            List<Thread> returned = boss.result(BOUND, () -> "Launching two jobs that do nothing did not finish.");

            assertRanOn("alice", returned.get(0), ranOn, boss.thread());
            assertRanOn("bob", returned.get(1), ranOn, boss.thread());
        } finally {
            boss.end();
        }
    }

    @Test
    @DisplayName("Threads carry their job's name, in both styles")
    @Graded(id = "thread-names", points = 1, timeoutSeconds = 30)
    void threadsCarryTheJobsName() throws Exception {
        JobThread direct = new JobThread(new Job("carol", () -> { }));
        assertEquals("carol", direct.getName(),
                () -> CrewFeedback.wrongName("new JobThread(new Job(\"carol\", ...))", "carol", direct.getName()));

        Boss<List<Thread>> boss = Boss.start(() -> {
            Crew crew = new Crew();
            List<Thread> started = List.of(crew.launch(new Job("dave", () -> { })),
                    crew.launchSubclassed(new Job("erin", () -> { })));
            joinAll(started);
            return started;
        });
        try {
            List<Thread> started = boss.result(BOUND, () -> "Launching two jobs that do nothing did not finish.");
            Thread dave = started.get(0);
            Thread erin = started.get(1);

            assertEquals("dave", dave.getName(),
                    () -> CrewFeedback.wrongName("launch(new Job(\"dave\", ...))", "dave", dave.getName()));
            assertEquals("erin", erin.getName(),
                    () -> CrewFeedback.wrongName("launchSubclassed(new Job(\"erin\", ...))", "erin", erin.getName()));
            assertSame(Thread.class, dave.getClass(), () -> CrewFeedback.wrongClass("launch",
                    "plain java.lang.Thread whose target is the job's work (the first style)", dave.getClass()));
            assertTrue(erin instanceof JobThread, () -> CrewFeedback.wrongClass("launchSubclassed",
                    "JobThread (the second style)", erin.getClass()));
        } finally {
            boss.end();
        }
    }

    @Test
    @DisplayName("All jobs are in flight at once, whatever the style")
    @Graded(id = "all-in-flight", points = 3, timeoutSeconds = 30)
    void allJobsAreInFlightAtOnce() throws Exception {
        Gate gate = Gate.closed();
        Boss<List<Thread>> boss = Boss.start(() -> launchBoth(new Crew(), "job", 4, gate::pass));
        try {
            // A thread counts as inside once it is in threadsInside(): inside() goes up a moment earlier.
            boolean allInside = Eventually.holds(BOUND, () -> gate.threadsInside().size() == 4 || onBoss(gate, boss));

            if (onBoss(gate, boss)) {
                fail(CrewFeedback.jobOnBoss(Boss.NAME));
            }
            if (!allInside) {
                fail(CrewFeedback.notAllInFlight(4, gate.inside(), gate.peak(), BOUND));
            }
            Set<Thread> running = gate.threadsInside();
            List<Thread> launched = boss.result(BOUND, () -> CrewFeedback.stuckInLaunch(BOUND));
            assertEquals(running, Set.copyOf(launched), () -> CrewFeedback.notTheLaunchedThreads(
                    Threads.names(running), Threads.names(Set.copyOf(launched))));
        } finally {
            gate.open();
            boss.end();
        }
        joinAll(boss.result(BOUND, () -> "The launched jobs did not finish."));
    }

    @Test
    @DisplayName("awaitAll gives up at its deadline and names the threads still alive")
    @Graded(id = "deadline-reports-alive", points = 3, timeoutSeconds = 30)
    void awaitAllGivesUpAtTheDeadline() throws Exception {
        Gate gate = Gate.closed();
        Boss<Launched> boss = Boss.start(() -> awaitHeldJobs(gate, 4, DEADLINE));
        try {
            Launched launched = boss.result(BOUND, () -> CrewFeedback.missedDeadline(4, DEADLINE, BOUND));

            assertEquals(launched.names(), launched.alive(), () -> CrewFeedback.wrongAlive(
                    "At the deadline all four jobs were still running", launched.names(), launched.alive()));
            assertTrue(launched.awaitMillis() >= DEADLINE.toMillis() * 9 / 10,
                    () -> CrewFeedback.returnedEarly(launched.awaitMillis(), DEADLINE));
        } finally {
            gate.open();
            boss.end();
        }
    }

    @Test
    @DisplayName("awaitAll waits while the jobs run and returns as soon as they have finished")
    @Graded(id = "waits-for-the-end", points = 2, timeoutSeconds = 30)
    void awaitAllWaitsForTheJobs() throws Exception {
        Gate gate = Gate.closed();
        Boss<List<String>> boss = Boss.start(() -> {
            Crew crew = new Crew();
            launchBoth(crew, "job", 4, gate::pass);
            return crew.awaitAll(Duration.ofSeconds(30));
        });
        try {
            // Open the gate only once the boss waits inside awaitAll: a crew that does not wait has
            // returned by then, with the jobs still held, on every run.
            boolean waiting = Eventually.holds(BOUND, () -> boss.isDone() || boss.isWaitingIn("awaitAll"));
            if (!waiting) {
                fail(CrewFeedback.neverWaitedInAwaitAll(BOUND) + CrewFeedback.whereIs(boss.thread()));
            }
            if (boss.isDone()) {
                List<String> early = boss.result(BOUND, () -> "");
                fail(CrewFeedback.didNotWait(early));
            }
            gate.open();

            List<String> alive = boss.result(BOUND,
                    () -> CrewFeedback.notBackAfterFinish(Duration.ofSeconds(30), BOUND));
            assertEquals(List.of(), alive, () -> CrewFeedback.wrongAlive("All four jobs had finished", List.of(),
                    alive));
        } finally {
            gate.open();
            boss.end();
        }
    }

    @Test
    @DisplayName("aliveCount counts the crew's own threads that are alive")
    @Graded(id = "alive-count", points = 1, timeoutSeconds = 30)
    void aliveCountCountsTheCrewsThreads() throws Exception {
        Gate gate = Gate.closed();
        Boss<int[]> boss = Boss.start(() -> {
            Crew crew = new Crew();
            List<Thread> started = launchBoth(crew, "job", 3, gate::pass);
            int whileHeld = crew.aliveCount();
            gate.open();
            joinAll(started);
            return new int[] {whileHeld, crew.aliveCount()};
        });
        try {
            int[] counts = boss.result(BOUND, () -> "Launching three jobs did not return.");

            assertEquals(3, counts[0], () -> CrewFeedback.wrongAliveCount("while three jobs were running", 3,
                    counts[0]));
            assertEquals(0, counts[1], () -> CrewFeedback.wrongAliveCount("after all three had finished", 0,
                    counts[1]));
        } finally {
            gate.open();
            boss.end();
        }
    }

    /** Launches jobs {@code prefix-1..n} with this work: odd ones with launch, even ones subclassed. */
    static List<Thread> launchBoth(Crew crew, String prefix, int jobs, Runnable work) {
        List<Thread> started = new ArrayList<>();
        for (int i = 1; i <= jobs; i++) {
            Job job = new Job(prefix + "-" + i, work);
            started.add(i % 2 == 1 ? crew.launch(job) : crew.launchSubclassed(job));
        }
        return started;
    }

    /** Launches {@code jobs} jobs held at the gate, then awaits them with the deadline. */
    static Launched awaitHeldJobs(Gate gate, int jobs, Duration deadline) throws InterruptedException {
        Crew crew = new Crew();
        List<Thread> started = launchBoth(crew, "job", jobs, gate::pass);
        long start = System.nanoTime();
        List<String> alive = crew.awaitAll(deadline);
        return new Launched(started, alive, (System.nanoTime() - start) / 1_000_000);
    }

    /** Waits for threads the check started (they end quickly once nothing holds them). */
    static void joinAll(List<Thread> threads) throws InterruptedException {
        for (Thread thread : threads) {
            thread.join(BOUND.toMillis());
        }
    }

    private static boolean onBoss(Gate gate, Boss<?> boss) {
        return gate.threadsInside().contains(boss.thread());
    }

    private static void assertRanOn(String job, Thread returned, Map<String, Thread> ranOn, Thread caller) {
        Thread thread = ranOn.get(job);
        if (thread == null) {
            fail(CrewFeedback.neverRan(job, BOUND));
        }
        if (thread == caller) {
            fail(CrewFeedback.ranOnCaller(job, Boss.NAME));
        }
        if (thread != returned) {
            fail(CrewFeedback.ranElsewhere(job, thread.getName(), returned.getName()));
        }
    }
}
