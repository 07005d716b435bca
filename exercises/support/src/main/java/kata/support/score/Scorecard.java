package kata.support.score;

import java.time.Instant;
import java.util.List;
import kata.support.PublicApi;

/**
 * The grader's verdict on one submission: enough to derive every LMS format (points and maxima
 * per check, visibility, messages, order, timestamps, grader and JDK versions, student identity).
 *
 * @param schemaVersion version of this format; see {@code scorecard.schema.json}
 * @param grader        which grader produced it
 * @param submissionId  the submission's id (its folder or archive name)
 * @param student       the student, when a roster names them; else null
 * @param gradedAt      when grading finished (UTC, milliseconds)
 * @param environment   where it was graded
 * @param score         points earned over all exercises
 * @param maxScore      points possible over all exercises
 * @param exercises     one result per exercise, in course order
 */
@PublicApi
public record Scorecard(int schemaVersion, GraderInfo grader, String submissionId, Student student,
                        Instant gradedAt, Environment environment, double score, double maxScore,
                        List<ExerciseResult> exercises) {

    public static final int SCHEMA_VERSION = 1;

    public Scorecard {
        exercises = List.copyOf(exercises);
    }

    /** Name and version of the grader. */
    public record GraderInfo(String name, String version) {
    }

    /**
     * Where the checks ran.
     *
     * @param jdk        the test JVM's Java version, e.g. 17.0.15
     * @param jdkVendor  its vendor
     * @param os         operating system
     * @param cpus       CPUs the test JVM could use
     * @param isolation  how the operating system confined the test JVM: {@code bubblewrap}, or {@code none}
     *                   where only the grader's static rules stood between the student's code and the host
     */
    public record Environment(String jdk, String jdkVendor, String os, int cpus, String isolation) {

        /** What a scorecard that predates the field says. */
        public static final String ISOLATION_UNKNOWN = "unknown";
    }
}
