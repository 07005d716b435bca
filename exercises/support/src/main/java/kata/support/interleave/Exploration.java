package kata.support.interleave;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;

/** How schedules are chosen and bounded. Immutable: every method returns a new configuration. */
public final class Exploration {

    enum Mode { EXHAUSTIVE, RANDOM }

    final Mode mode;
    final int preemptions;
    final int maxExecutions;
    final long seed;
    final double switchProbability;
    final int runs;
    final Duration executionTimeout;
    final Duration stuckAfter;
    final long maxSteps;
    final int spinLimit;
    final String forbidWaitingReason;
    final boolean onlyAtSynchronization;

    private Exploration(Mode mode, int preemptions, int maxExecutions, long seed, double switchProbability,
                        int runs, Duration executionTimeout, Duration stuckAfter, long maxSteps, int spinLimit,
                        String forbidWaitingReason, boolean onlyAtSynchronization) {
        this.mode = mode;
        this.preemptions = preemptions;
        this.maxExecutions = maxExecutions;
        this.seed = seed;
        this.switchProbability = switchProbability;
        this.runs = runs;
        this.executionTimeout = executionTimeout;
        this.stuckAfter = stuckAfter;
        this.maxSteps = maxSteps;
        this.spinLimit = spinLimit;
        this.forbidWaitingReason = forbidWaitingReason;
        this.onlyAtSynchronization = onlyAtSynchronization;
    }

    static Exploration exhaustive() {
        return new Exploration(Mode.EXHAUSTIVE, 2, 20_000, 0, 0, 1, Duration.ofSeconds(10),
                Duration.ofSeconds(1), 2_000_000, 1_000, null, false);
    }

    static Exploration random(long seed) {
        return new Exploration(Mode.RANDOM, 0, 1, seed, 0.1, 1, Duration.ofSeconds(10),
                Duration.ofSeconds(1), 20_000_000, 1_000, null, false);
    }

    /** At most this many preemptions per schedule (exhaustive mode). */
    public Exploration preemptions(int bound) {
        require(bound >= 0, "preemptions must be >= 0");
        return new Exploration(mode, bound, maxExecutions, seed, switchProbability, runs, executionTimeout,
                stuckAfter, maxSteps, spinLimit, forbidWaitingReason, onlyAtSynchronization);
    }

    /** Stop after this many schedules even if more remain (exhaustive mode). */
    public Exploration maxExecutions(int executions) {
        require(executions > 0, "maxExecutions must be > 0");
        return new Exploration(mode, preemptions, executions, seed, switchProbability, runs, executionTimeout,
                stuckAfter, maxSteps, spinLimit, forbidWaitingReason, onlyAtSynchronization);
    }

    /** Probability of switching threads at each scheduling point (random mode). */
    public Exploration switchProbability(double probability) {
        require(probability > 0 && probability <= 1, "switchProbability must be in (0, 1]");
        return new Exploration(mode, preemptions, maxExecutions, seed, probability, runs, executionTimeout,
                stuckAfter, maxSteps, spinLimit, forbidWaitingReason, onlyAtSynchronization);
    }

    /** Run this many random schedules, from seeds {@code seed, seed + 1, ...} (random mode). */
    public Exploration runs(int count) {
        require(count > 0, "runs must be > 0");
        return new Exploration(mode, preemptions, maxExecutions, seed, switchProbability, count,
                executionTimeout, stuckAfter, maxSteps, spinLimit, forbidWaitingReason, onlyAtSynchronization);
    }

    /** A schedule that runs longer than this is reported as hanging. */
    public Exploration executionTimeout(Duration timeout) {
        require(!timeout.isNegative() && !timeout.isZero(), "executionTimeout must be positive");
        return new Exploration(mode, preemptions, maxExecutions, seed, switchProbability, runs, timeout,
                stuckAfter, maxSteps, spinLimit, forbidWaitingReason, onlyAtSynchronization);
    }

    /** A schedule with more scheduling steps than this is reported as looping forever. */
    public Exploration maxSteps(long steps) {
        require(steps > 0, "maxSteps must be > 0");
        return new Exploration(mode, preemptions, maxExecutions, seed, switchProbability, runs,
                executionTimeout, stuckAfter, steps, spinLimit, forbidWaitingReason, onlyAtSynchronization);
    }

    /**
     * Fail as soon as any thread has to wait for another (blocks on a lock, or loops waiting),
     * for scenarios whose threads share nothing. {@code reason} completes the sentence "thread X
     * had to wait, but ...", e.g. "transfers between different accounts must not wait for each other".
     */
    public Exploration forbidWaiting(String reason) {
        Objects.requireNonNull(reason, "reason");
        return new Exploration(mode, preemptions, maxExecutions, seed, switchProbability, runs,
                executionTimeout, stuckAfter, maxSteps, spinLimit, reason, onlyAtSynchronization);
    }

    /**
     * Preempt threads only where they synchronize (take or release a lock, call
     * {@code java.util.concurrent}, wait or notify), not at every field access. Enough for lock-order
     * bugs such as deadlocks, and far fewer schedules; races on plain fields need the default.
     */
    public Exploration preemptingOnlyAtSynchronization() {
        return new Exploration(mode, preemptions, maxExecutions, seed, switchProbability, runs,
                executionTimeout, stuckAfter, maxSteps, spinLimit, forbidWaitingReason, true);
    }

    /** The state each schedule starts from, made fresh for every schedule. */
    public <S> Scenario<S> given(Supplier<S> setup) {
        return new Scenario<>(this, Objects.requireNonNull(setup, "setup"));
    }

    Execution.Settings settings() {
        return new Execution.Settings(maxSteps, spinLimit, executionTimeout, stuckAfter, forbidWaitingReason,
                onlyAtSynchronization);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
