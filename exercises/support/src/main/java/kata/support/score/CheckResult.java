package kata.support.score;

import kata.support.PublicApi;
import kata.support.Visibility;

/**
 * One graded check in a scorecard.
 *
 * @param id              stable id, unique within the exercise
 * @param name            shown to students
 * @param kind            test or rule
 * @param visibility      when the student may see it
 * @param status          how it ended
 * @param points          points earned
 * @param maxPoints       points possible
 * @param message         what was observed, for the student; empty when passed
 * @param durationMillis  wall time
 * @param output          what the student's code printed during the check (truncated)
 * @param outputTruncated true when output was cut
 * @param schedule        the schedule under which it failed, for the instructor's picture of it; else null
 */
@PublicApi
public record CheckResult(String id, String name, CheckKind kind, Visibility visibility, CheckStatus status,
                          double points, double maxPoints, String message, long durationMillis, String output,
                          boolean outputTruncated, Schedule schedule) {

    /** The same result without its schedule: what views for students carry. */
    public CheckResult withoutSchedule() {
        return schedule == null ? this : new CheckResult(id, name, kind, visibility, status, points, maxPoints, message,
                durationMillis, output, outputTruncated, null);
    }
}
