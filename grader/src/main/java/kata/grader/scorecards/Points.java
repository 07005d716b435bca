package kata.grader.scorecards;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Points as people and gradebooks write them: 3, 2.5, 0.33 (two decimals at most, rounded half up). */
public final class Points {

    private Points() {
    }

    public static String text(double value) {
        BigDecimal rounded = BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros();
        return rounded.scale() < 0 ? rounded.setScale(0).toPlainString() : rounded.toPlainString();
    }

    /** "3 / 10". */
    public static String of(double score, double max) {
        return text(score) + " / " + text(max);
    }
}
