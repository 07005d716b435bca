package kata.support.interleave;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;
import kata.support.PublicApi;

/**
 * How schedules are chosen and bounded. Immutable: every method returns a new configuration. An
 * option that does not apply to the mode ({@link #preemptions} for a random schedule,
 * {@link #switchProbability} for every schedule) is refused rather than ignored.
 */
@PublicApi
public final class Exploration {

    enum Mode { EXHAUSTIVE, RANDOM, EVERY_STEP }

    /** Scheduling steps after which a schedule counts as looping forever: the same on every machine. */
    static final long DEFAULT_MAX_STEPS = 2_000_000;

    final Mode mode;
    final int preemptions;
    final int maxExecutions;
    final long seed;
    final double switchProbability;
    final int runs;
    /** The thread preempted at every step (EVERY_STEP only), or null. */
    final String preempted;
    final Duration stallLimit;
    final long maxSteps;
    final int spinLimit;
    final String forbidWaitingReason;
    final boolean onlyAtSynchronization;
    final RaceDetection raceDetection;

    private Exploration(Mode mode, int preemptions, int maxExecutions, long seed, double switchProbability,
                        int runs, String preempted, Duration stallLimit, long maxSteps, int spinLimit,
                        String forbidWaitingReason, boolean onlyAtSynchronization, RaceDetection raceDetection) {
        this.mode = mode;
        this.preemptions = preemptions;
        this.maxExecutions = maxExecutions;
        this.seed = seed;
        this.switchProbability = switchProbability;
        this.runs = runs;
        this.preempted = preempted;
        this.stallLimit = stallLimit;
        this.maxSteps = maxSteps;
        this.spinLimit = spinLimit;
        this.forbidWaitingReason = forbidWaitingReason;
        this.onlyAtSynchronization = onlyAtSynchronization;
        this.raceDetection = raceDetection;
    }

    static Exploration exhaustive() {
        return new Exploration(Mode.EXHAUSTIVE, 2, 20_000, 0, 0, 1, null, Duration.ofSeconds(10), DEFAULT_MAX_STEPS,
                1_000, null, false, RaceDetection.COLLECTIONS);
    }

    static Exploration random(long seed) {
        return new Exploration(Mode.RANDOM, 0, 1, seed, 0.1, 1, null, Duration.ofSeconds(10), 10 * DEFAULT_MAX_STEPS,
                1_000, null, false, RaceDetection.COLLECTIONS);
    }

    static Exploration everyStep(String thread) {
        return new Exploration(Mode.EVERY_STEP, 0, 1, 0, 0, 4, Objects.requireNonNull(thread, "thread"),
                Duration.ofSeconds(10), DEFAULT_MAX_STEPS, 1_000, null, false, RaceDetection.COLLECTIONS);
    }

    private Exploration with(int preemptions, int maxExecutions, double switchProbability, int runs,
                             Duration stallLimit, long maxSteps, String forbidWaitingReason,
                             boolean onlyAtSynchronization) {
        return new Exploration(mode, preemptions, maxExecutions, seed, switchProbability, runs, preempted, stallLimit,
                maxSteps, spinLimit, forbidWaitingReason, onlyAtSynchronization, raceDetection);
    }

    /**
     * Also fail on a data race: two threads access a field of the student's code, one of them
     * writes, and no synchronization orders the two accesses (see {@link InterleavingFailure#kind()}
     * "race"). For checks that a getter reads under the same lock as the writers, or a volatile field.
     * (Races on the java.util collections that are not thread-safe fail every exploration: see
     * {@link Interleavings}.)
     */
    public Exploration detectingDataRaces() {
        return racing(RaceDetection.FIELDS_AND_COLLECTIONS);
    }

    private Exploration racing(RaceDetection wanted) {
        return new Exploration(mode, preemptions, maxExecutions, seed, switchProbability, runs, preempted, stallLimit,
                maxSteps, spinLimit, forbidWaitingReason, onlyAtSynchronization, raceDetection.and(wanted));
    }

    /** At most this many preemptions per schedule (every schedule only). */
    public Exploration preemptions(int bound) {
        only(Mode.EXHAUSTIVE, "preemptions");
        require(bound >= 0, "preemptions must be >= 0");
        return with(bound, maxExecutions, switchProbability, runs, stallLimit, maxSteps, forbidWaitingReason,
                onlyAtSynchronization);
    }

    /**
     * At most this many schedules (every schedule only). When more remain, the check does not pass:
     * it ends as an error that says how many were explored, because "every schedule" was not kept.
     */
    public Exploration maxExecutions(int executions) {
        only(Mode.EXHAUSTIVE, "maxExecutions");
        require(executions > 0, "maxExecutions must be > 0");
        return with(preemptions, executions, switchProbability, runs, stallLimit, maxSteps, forbidWaitingReason,
                onlyAtSynchronization);
    }

    /** Probability of switching threads at each scheduling point (random schedules only). */
    public Exploration switchProbability(double probability) {
        only(Mode.RANDOM, "switchProbability");
        require(probability > 0 && probability <= 1, "switchProbability must be in (0, 1]");
        return with(preemptions, maxExecutions, probability, runs, stallLimit, maxSteps, forbidWaitingReason,
                onlyAtSynchronization);
    }

    /**
     * Run this many schedules: random ones from seeds {@code seed, seed + 1, ...}; for a thread
     * preempted at every step, the k-th lets the other threads take k steps each time (1 to 4 unless
     * set). Not for every schedule.
     */
    public Exploration runs(int count) {
        if (mode == Mode.EXHAUSTIVE) {
            throw new IllegalStateException("runs() does not apply to everySchedule()");
        }
        require(count > 0, "runs must be > 0");
        return with(preemptions, maxExecutions, switchProbability, count, stallLimit, maxSteps, forbidWaitingReason,
                onlyAtSynchronization);
    }

    /**
     * The outer guard against code that escapes the scheduler: a schedule in which no thread reaches a
     * scheduling point for this long (wall-clock time) is reported as hanging. Verdicts about loops
     * and waits come from {@link #maxSteps} and the model; this only catches what they cannot see.
     */
    public Exploration stallLimit(Duration limit) {
        require(!limit.isNegative() && !limit.isZero(), "stallLimit must be positive");
        return with(preemptions, maxExecutions, switchProbability, runs, limit, maxSteps, forbidWaitingReason,
                onlyAtSynchronization);
    }

    /** A schedule with more scheduling steps than this is reported as looping forever. */
    public Exploration maxSteps(long steps) {
        require(steps > 0, "maxSteps must be > 0");
        return with(preemptions, maxExecutions, switchProbability, runs, stallLimit, steps, forbidWaitingReason,
                onlyAtSynchronization);
    }

    /**
     * Fail as soon as any thread has to wait for another (blocks on a lock, or loops waiting),
     * for scenarios whose threads share nothing. {@code reason} completes the sentence "thread X
     * had to wait, but ...", e.g. "transfers between different accounts must not wait for each other".
     */
    public Exploration forbidWaiting(String reason) {
        Objects.requireNonNull(reason, "reason");
        return with(preemptions, maxExecutions, switchProbability, runs, stallLimit, maxSteps, reason,
                onlyAtSynchronization);
    }

    /**
     * Preempt threads only where they synchronize (take or release a lock, call
     * {@code java.util.concurrent}, wait or notify), not at every field access. Enough for lock-order
     * bugs such as deadlocks, and far fewer schedules; races on plain fields need the default.
     */
    public Exploration preemptingOnlyAtSynchronization() {
        return with(preemptions, maxExecutions, switchProbability, runs, stallLimit, maxSteps, forbidWaitingReason,
                true);
    }

    /** The state each schedule starts from, made fresh for every schedule. */
    public <S> Scenario<S> given(Supplier<S> setup) {
        return new Scenario<>(this, Objects.requireNonNull(setup, "setup"));
    }

    Run.Settings settings() {
        return new Run.Settings(maxSteps, spinLimit, stallLimit, forbidWaitingReason, onlyAtSynchronization,
                Controlled.DEFAULT_SETTLE_STEPS, raceDetection);
    }

    private void only(Mode wanted, String option) {
        if (mode != wanted) {
            throw new IllegalStateException(option + "() applies to "
                    + (wanted == Mode.EXHAUSTIVE ? "everySchedule()" : "randomSchedule(seed)") + " only");
        }
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
