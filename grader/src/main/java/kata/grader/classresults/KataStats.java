package kata.grader.classresults;

import java.util.List;

/**
 * One kata across the class. Only real attempts count in the distribution: a stub handed in
 * unchanged, a kata not submitted and an archive that could not be read are counted apart.
 *
 * @param kata           the kata
 * @param attemptScores  the points of every real attempt (compile errors and unsafe code score 0)
 * @param untouched      students who handed in the stub unchanged
 * @param notSubmitted   graded students without this kata
 * @param doesNotCompile attempts that do not compile
 * @param fullMarks      attempts with every point
 */
public record KataStats(KataColumn kata, List<Double> attemptScores, int untouched, int notSubmitted,
                        int doesNotCompile, int fullMarks) {

    /** Fraction-of-maximum bins of the distribution. */
    public static final List<String> BINS = List.of("0", "1–24%", "25–49%", "50–74%", "75–99%", "100%");

    public KataStats {
        attemptScores = List.copyOf(attemptScores);
    }

    public int attempts() {
        return attemptScores.size();
    }

    public double mean() {
        return attemptScores.stream().mapToDouble(Double::doubleValue).average().orElse(0);
    }

    public double median() {
        if (attemptScores.isEmpty()) {
            return 0;
        }
        List<Double> sorted = attemptScores.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    /** How many attempts fall in each of {@link #BINS}. */
    public int[] histogram() {
        int[] counts = new int[BINS.size()];
        attemptScores.forEach(score -> counts[bin(score, kata.max())]++);
        return counts;
    }

    private static int bin(double score, double max) {
        if (score <= 0 || max <= 0) {
            return 0;
        }
        if (score >= max) {
            return BINS.size() - 1;
        }
        return 1 + Math.min(3, (int) (4 * score / max));
    }
}
