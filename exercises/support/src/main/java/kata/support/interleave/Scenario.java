package kata.support.interleave;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;
import kata.support.agent.StudentCode;
import kata.support.threads.LockNames;

/**
 * Threads to run from a fresh state under each schedule, and what must hold afterwards.
 * Immutable: every method returns a new scenario.
 *
 * @param <S> the state the threads share, e.g. the student's counter
 */
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

    private static final Object ONE_AT_A_TIME = new Object();

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
     * @throws IllegalStateException when the schedule cannot be controlled (no kata agent, or the
     *                               code under test was not instrumented): never a silent pass
     */
    public ExplorationReport check(Invariant<S> invariant) {
        Objects.requireNonNull(invariant, "invariant");
        if (threads.size() < 2) {
            throw new IllegalArgumentException("a scenario needs at least two threads");
        }
        requireAgent();
        synchronized (ONE_AT_A_TIME) {
            return exploration.mode == Exploration.Mode.RANDOM ? runRandom(invariant) : runExhaustive(invariant);
        }
    }

    private ExplorationReport runRandom(Invariant<S> invariant) {
        long steps = 0;
        try (WorkerThreads pool = new WorkerThreads()) {
            for (int run = 0; run < exploration.runs; run++) {
                steps += runOnce(new Strategies.Random(exploration.seed + run, exploration.switchProbability),
                        run + 1, invariant, pool);
            }
        }
        return new ExplorationReport(exploration.runs, true, steps);
    }

    private ExplorationReport runExhaustive(Invariant<S> invariant) {
        Strategies.Exhaustive search = new Strategies.Exhaustive(exploration.preemptions);
        long steps = 0;
        int executions = 0;
        Strategies.Replay replay;
        try (WorkerThreads pool = new WorkerThreads()) {
            while (executions < exploration.maxExecutions && (replay = search.next()) != null) {
                executions++;
                steps += runOnce(replay, executions, invariant, pool);
                search.ran(replay);
            }
        }
        return new ExplorationReport(executions, search.next() == null, steps);
    }

    private long runOnce(Strategy strategy, int number, Invariant<S> invariant, WorkerThreads pool) {
        S state = setup.get();
        LockNames names = LockNames.of(lockNames.apply(state));
        List<Execution.Body> bodies = new ArrayList<>();
        for (Named<S> thread : threads) {
            bodies.add(() -> thread.task().run(state));
        }
        List<String> threadNames = threads.stream().map(Named::name).toList();
        Execution.Outcome outcome = new Execution(threadNames, strategy, exploration.settings(), names, pool)
                .run(bodies);
        Failure failure = outcome.failure();
        if (failure == null) {
            if (outcome.points() == 0) {
                throw new IllegalStateException("No thread reached a scheduling point, so this check cannot"
                        + " control the schedule. The code under test must be the student's classes that the"
                        + " kata agent instrumented; failures: " + StudentCode.instrumentationFailures());
            }
            try {
                invariant.check(state);
            } catch (AssertionError error) {
                failure = Failure.check(error);
            } catch (Exception thrown) {
                failure = Failure.threw("the final check", thrown);
            }
        }
        if (failure != null) {
            throw new InterleavingFailure(failure, outcome.trace().get(), outcome.steps(), number);
        }
        return outcome.points();
    }

    private static void requireAgent() {
        if (!StudentCode.agentActive()) {
            throw new IllegalStateException("This check controls thread scheduling and needs the kata agent,"
                    + " which `mvn verify` and the grader add (-javaagent:kata-support.jar=<classes dir>)."
                    + " Run the tests through Maven rather than the IDE's plain JUnit runner.");
        }
        if (!StudentCode.instrumentationFailures().isEmpty()) {
            throw new IllegalStateException("The kata agent could not instrument "
                    + StudentCode.instrumentationFailures());
        }
    }
}
