package kata.support.interleave;

import kata.support.PublicApi;

/**
 * Runs a few threads against student code under a schedule the test controls, so that a race or a
 * deadlock shows up on every run, on any number of CPUs, before and after the JIT compiles the
 * code. Needs the kata agent ({@code mvn verify} and the grader add it).
 *
 * <p>Every exploration also fails on a data race on a java.util collection that is not thread-safe
 * ({@code HashMap}, {@code ArrayList}, ...): one thread changes its structure while another uses it,
 * with nothing ordering the two calls. The scheduler never switches inside the JDK, so no schedule
 * would show the corruption itself.
 *
 * <pre>{@code
 * Interleavings.everySchedule()
 *     .given(Counter::new)
 *     .thread("worker-1", Counter::increment)
 *     .thread("worker-2", Counter::increment)
 *     .check(counter -> assertEquals(2, counter.get(), "two increments"));
 * }</pre>
 */
@PublicApi
public final class Interleavings {

    private Interleavings() {
    }

    /**
     * Every schedule with at most two preemptions (a thread paused at any scheduling point while
     * another runs), explored depth-first, up to 20 000 schedules.
     */
    public static Exploration everySchedule() {
        return Exploration.exhaustive();
    }

    /**
     * One schedule drawn from a fixed seed: at each scheduling point the running thread is
     * switched out with probability 0.1. The same code gives the same schedule every time.
     */
    public static Exploration randomSchedule(long seed) {
        return Exploration.random(seed);
    }

    /**
     * Schedules in which {@code thread} is preempted at every one of its scheduling points, and the
     * other threads then take k points (fewer when they block or end) before it goes on; the first
     * schedule has k = 1, the next k = 2, up to k = 4 ({@link Exploration#runs} changes that). With
     * a k at least the number of points another thread's operation spans, such an operation lands
     * between every two steps of {@code thread}, whatever the shape of the code: for checks that a
     * thread which retries after interference keeps retrying ("however many other updates get in").
     */
    public static Exploration preemptingEveryStepOf(String thread) {
        return Exploration.everyStep(thread);
    }
}
