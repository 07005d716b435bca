package kata.support.score;

import kata.support.PublicApi;

/**
 * What running (or evaluating) one check produced, before points are applied.
 *
 * @param status          how it ended
 * @param message         for the student; empty when passed
 * @param durationMillis  wall time of the check
 * @param output          what the student's code printed meanwhile (bounded)
 * @param outputTruncated true when output was cut
 * @param schedule        the schedule under which it failed, when the scheduler found one; else null
 */
@PublicApi
public record CheckOutcome(CheckStatus status, String message, long durationMillis, String output,
                           boolean outputTruncated, Schedule schedule) {

    public static CheckOutcome of(CheckStatus status, String message) {
        return new CheckOutcome(status, message, 0, "", false, null);
    }
}
