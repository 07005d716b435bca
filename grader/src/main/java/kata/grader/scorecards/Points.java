package kata.grader.scorecards;

import kata.support.score.Scoring;

/** Points in the grader's renderings, written by the one rule of {@link Scoring#points(double)}. */
public final class Points {

    private Points() {
    }

    /** 3, 2.5, 0.33. */
    public static String text(double value) {
        return Scoring.points(value);
    }

    /** "3 / 10". */
    public static String of(double score, double max) {
        return text(score) + " / " + text(max);
    }
}
