package kata.grader.classresults;

import kata.support.score.ExerciseResult;

/**
 * One student's result on one kata.
 *
 * @param outcome  what the student did with it
 * @param score    points earned; 0 without a scorecard
 * @param max      points possible
 * @param exercise the scorecard's result; null when there is none
 */
public record KataCell(KataOutcome outcome, double score, double max, ExerciseResult exercise) {

    /** Score over maximum, 0 to 1. */
    public double fraction() {
        return max <= 0 ? 0 : score / max;
    }
}
