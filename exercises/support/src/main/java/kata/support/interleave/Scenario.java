package kata.support.interleave;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import kata.support.PublicApi;
import kata.support.agent.StudentCode;
import kata.support.threads.LockNames;

/**
 * Threads to run from a fresh state under each schedule, and what must hold afterwards.
 * Immutable: every method returns a new scenario.
 *
 * @param <S> the state the threads share, e.g. the student's counter
 */
@PublicApi
public final class Scenario<S> {

    /** What one thread does with the shared state. */
    @FunctionalInterface
    public interface Task<S> {
        void run(S state) throws Exception;
    }

    /** What must hold once every thread has finished; throw an {@link AssertionError} if not. */
    @FunctionalInterface
    public interface Invariant<S> {
        void check(S state) throws Exception;
    }

    private record Named<S>(String name, Task<S> task) {
    }

    private final Exploration exploration;
    private final Supplier<S> setup;
    private final List<Named<S>> threads;
    private final Function<S, Map<?, String>> lockNames;

    Scenario(Exploration exploration, Supplier<S> setup) {
        this(exploration, setup, List.of(), state -> Map.of());
    }

    private Scenario(Exploration exploration, Supplier<S> setup, List<Named<S>> threads,
                     Function<S, Map<?, String>> lockNames) {
        this.exploration = exploration;
        this.setup = setup;
        this.threads = threads;
        this.lockNames = lockNames;
    }

    /** Adds a thread with this name (shown in traces and deadlock reports) running this task. */
    public Scenario<S> thread(String name, Task<S> task) {
        List<Named<S>> more = new ArrayList<>(threads);
        more.add(new Named<>(Objects.requireNonNull(name, "name"), Objects.requireNonNull(task, "task")));
        return new Scenario<>(exploration, setup, List.copyOf(more), lockNames);
    }

    /** Names for objects used as locks, so reports say "account A" instead of "Account@1b6d3586". */
    public Scenario<S> lockNames(Function<S, Map<?, String>> names) {
        return new Scenario<>(exploration, setup, threads, Objects.requireNonNull(names, "names"));
    }

    /** Runs every schedule and requires that none fails (no exception, deadlock or hang). */
    public ExplorationReport run() {
        return check(state -> { });
    }

    /**
     * Runs the schedules and checks the invariant after each one.
     *
     * @throws InterleavingFailure for the first schedule that fails, with its steps
     * @throws IllegalStateException when the schedule cannot be controlled (no kata agent, the code
     *                               under test was not instrumented, or it escaped the scheduler),
     *                               or when not every promised schedule could be explored
     *                               ({@link IncompleteExploration}): never a silent pass
     */
    public ExplorationReport check(Invariant<S> invariant) {
        Objects.requireNonNull(invariant, "invariant");
        if (threads.isEmpty()) {
            throw new IllegalArgumentException("a scenario needs a thread");
        }
        Controlled.requireAgent();
        synchronized (Controlled.ONE_AT_A_TIME) {
            Optional<ReplayToken> replay = ReplayToken.parse(System.getProperty(ReplayToken.PROPERTY))
                    .filter(token -> token.fingerprint().equals(fingerprint()))
                    .filter(token -> token.kind() != ReplayToken.Kind.EVERY_STEP
                            || token.preemptedThread() < threads.size());
            if (replay.isPresent()) {
                return runReplay(replay.get(), invariant);
            }
            return switch (exploration.mode) {
                case RANDOM -> runRandom(invariant);
                case EVERY_STEP -> runEveryStep(invariant);
                case EXHAUSTIVE -> runExhaustive(invariant);
            };
        }
    }

    private String fingerprint() {
        return ReplayToken.fingerprint(threads.stream().map(Named::name).toList());
    }

    /** Runs the one schedule a student asked for: a pass says only that this schedule now passes. */
    private ExplorationReport runReplay(ReplayToken token, Invariant<S> invariant) {
        long[] totals = new long[3];
        try (WorkerThreads pool = new WorkerThreads()) {
            Strategy strategy = switch (token.kind()) {
                case RANDOM -> new Strategies.Random(token.seed(), exploration.switchProbability);
                case EVERY_STEP -> new Strategies.EveryStep(threads.get(token.preemptedThread()).name(),
                        token.steps());
                case EXHAUSTIVE -> new Strategies.Replay(token.prefix(), token.bound());
            };
            runOnce(strategy, 1, invariant, pool, totals);
        }
        System.err.println("kata.replay: this check ran only the schedule " + token.text()
                + ", and it passed. Run without -D" + ReplayToken.PROPERTY + " to check every schedule again.");
        return new ExplorationReport(1, false, totals[0]);
    }

    private ExplorationReport runRandom(Invariant<S> invariant) {
        long[] totals = new long[3];
        try (WorkerThreads pool = new WorkerThreads()) {
            for (int run = 0; run < exploration.runs; run++) {
                runOnce(new Strategies.Random(exploration.seed + run, exploration.switchProbability), run + 1,
                        invariant, pool, totals);
            }
        }
        requireControl(totals);
        return new ExplorationReport(exploration.runs, true, totals[0]);
    }

    private ExplorationReport runEveryStep(Invariant<S> invariant) {
        if (position(exploration.preempted) < 0) {
            throw new IllegalArgumentException("preemptingEveryStepOf(\"" + exploration.preempted
                    + "\"): the scenario has no thread of that name");
        }
        long[] totals = new long[3];
        try (WorkerThreads pool = new WorkerThreads()) {
            for (int steps = 1; steps <= exploration.runs; steps++) {
                runOnce(new Strategies.EveryStep(exploration.preempted, steps), steps, invariant, pool, totals);
            }
        }
        requireControl(totals);
        return new ExplorationReport(exploration.runs, true, totals[0]);
    }

    private int position(String thread) {
        return threads.stream().map(Named::name).toList().indexOf(thread);
    }

    private ExplorationReport runExhaustive(Invariant<S> invariant) {
        Strategies.Exhaustive search = new Strategies.Exhaustive(exploration.preemptions);
        long[] totals = new long[3];
        int executions = 0;
        Strategies.Replay replay;
        try (WorkerThreads pool = new WorkerThreads()) {
            while (executions < exploration.maxExecutions && (replay = search.next()) != null) {
                executions++;
                runOnce(replay, executions, invariant, pool, totals);
                search.ran(replay);
            }
        }
        requireControl(totals);
        if (search.next() != null) {
            throw new IncompleteExploration("explored " + executions + " schedules with at most "
                    + exploration.preemptions + " preemptions, and more remain (the limit is "
                    + exploration.maxExecutions + "). Every schedule was promised, so this is no pass: the"
                    + " check needs fewer threads or steps, or a higher limit.");
        }
        return new ExplorationReport(executions, true, totals[0]);
    }

    /**
     * An exploration in which the scheduler controlled nothing, or had only one thread to run, proves
     * nothing: never a pass.
     */
    private static void requireControl(long[] totals) {
        if (totals[2] < 2) {
            throw new IllegalStateException("Only one thread ran, so there was no order of steps to explore: a"
                    + " scenario needs two threads, or one whose code under test starts another.");
        }
        if (totals[1] == 0) {
            throw new IllegalStateException("No thread reached a scheduling point, so this check cannot"
                    + " control the schedule. The code under test must be the student's classes that the"
                    + " kata agent instrumented; failures: " + StudentCode.instrumentationFailures());
        }
    }

    /** Runs one schedule; adds its student points and what it controlled to {@code totals}. */
    private void runOnce(Strategy strategy, int number, Invariant<S> invariant, WorkerThreads pool, long[] totals) {
        S state = setup.get();
        LockNames names = LockNames.of(lockNames.apply(state));
        Run run = new Run(strategy, exploration.settings(), names);
        List<Actor> actors = new ArrayList<>();
        for (Named<S> thread : threads) {
            Actor actor = run.adopt(pool.take(thread.name(), exploration.stallLimit.toMillis()), thread.name());
            run.root(actor);
            actors.add(actor);
        }
        Primitives.activate(run);
        try {
            for (int i = 0; i < actors.size(); i++) {
                Actor actor = actors.get(i);
                Task<S> task = threads.get(i).task();
                pool.run(actor.thread, () -> body(run, actor, task, state));
            }
            run.start();
            run.awaitEnd();
        } finally {
            Primitives.deactivate(run);
        }
        Failure failure = run.failure();
        if (failure == null) {
            pool.recycle();
        } else {
            pool.abandon();
        }
        totals[0] += run.studentPoints();
        totals[1] += run.controlled();
        totals[2] = Math.max(totals[2], run.actors().size());
        if (failure == null) {
            try {
                run.awaitStartedThreadsGone(exploration.stallLimit);
                invariant.check(state);
            } catch (AssertionError error) {
                failure = Failure.check(error);
            } catch (Exception thrown) {
                failure = Failure.threw("the final check", thrown);
            }
        }
        if (failure != null) {
            if (failure.kind() == Failure.Kind.UNCONTROLLED) {
                throw new IllegalStateException(failure.headline() + "\n" + failure.details());
            }
            throw new InterleavingFailure(failure, run, names, number, replayToken(strategy));
        }
    }

    /** The token that replays the schedule {@code strategy} ran. */
    private ReplayToken replayToken(Strategy strategy) {
        if (strategy instanceof Strategies.Replay replay) {
            return ReplayToken.exhaustive(fingerprint(), exploration.preemptions, replay.chosen());
        }
        if (strategy instanceof Strategies.Random random) {
            return ReplayToken.random(fingerprint(), random.seed());
        }
        if (strategy instanceof Strategies.EveryStep everyStep) {
            return ReplayToken.everyStep(fingerprint(), position(everyStep.preempted()), everyStep.steps());
        }
        return null;
    }

    /** One scenario thread: waits for its first turn, runs its task, and ends; a throw fails the run. */
    private static <S> void body(Run run, Actor actor, Task<S> task, S state) {
        Primitives.bind(actor);
        try {
            if (run.awaitTurn(actor) == Run.Resume.GO) {
                task.run(state);
            }
        } catch (ScheduleAbandoned abandoned) {
            // The run failed elsewhere; this thread only unwinds.
        } catch (Throwable thrown) {
            run.fail(Failure.threw(actor.name, thrown));
        } finally {
            run.finish(actor);
            Primitives.unbind();
        }
    }
}
