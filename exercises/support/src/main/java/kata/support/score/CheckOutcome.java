package kata.support.score;

/**
 * What running (or evaluating) one check produced, before points are applied.
 *
 * @param status          how it ended
 * @param message         for the student; empty when passed
 * @param durationMillis  wall time of the check
 * @param output          what the student's code printed meanwhile (bounded)
 * @param outputTruncated true when output was cut
 */
public record CheckOutcome(CheckStatus status, String message, long durationMillis, String output,
                           boolean outputTruncated) {

    public static CheckOutcome of(CheckStatus status, String message) {
        return new CheckOutcome(status, message, 0, "", false);
    }
}
