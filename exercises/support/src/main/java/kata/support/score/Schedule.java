package kata.support.score;

import java.util.List;
import kata.support.PublicApi;

/**
 * The schedule under which a check failed, for a picture of the interleaving: the threads of the
 * run and their steps in the order the scheduler ran them, the last step being where it went wrong.
 *
 * @param threads      the threads' names, in the order they joined the run
 * @param steps        the steps kept, oldest first (the most recent ones when the run was long)
 * @param omittedSteps how many earlier steps were left out
 */
@PublicApi
public record Schedule(List<String> threads, List<Schedule.Step> steps, int omittedSteps) {

    public Schedule {
        threads = List.copyOf(threads);
        steps = List.copyOf(steps);
    }

    /**
     * One step of one thread.
     *
     * @param thread   the thread's name; empty for a step of no thread (time passing)
     * @param action   what it did ("reads Counter.value", "locks account A", "ends")
     * @param location the student's source line ("Counter.java:12"), or empty
     * @param repeats  how many times in a row it did so (1 for once)
     */
    public record Step(String thread, String action, String location, int repeats) {
    }

    /** The same schedule with at most {@code count} of its most recent steps. */
    public Schedule lastSteps(int count) {
        if (steps.size() <= count) {
            return this;
        }
        return new Schedule(threads, steps.subList(steps.size() - count, steps.size()),
                omittedSteps + steps.size() - count);
    }
}
