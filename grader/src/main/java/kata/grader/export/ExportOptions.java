package kata.grader.export;

/**
 * What an export needs besides the class results.
 *
 * @param title            the assignment's title in the LMS (Canvas column, Moodle grade item, LTI line item label)
 * @param assignmentId     the assignment's id in the LMS (Canvas {@code Title (id)} header, LTI resourceId); may be null
 * @param moodleIdentifier which identity Moodle matches students on
 * @param moment           when students read it: decides which checks they see
 * @param executionSeconds the grading's wall time, when measured (Gradescope's execution_time); may be null
 */
public record ExportOptions(String title, String assignmentId, MoodleIdentifier moodleIdentifier, Moment moment,
                            Double executionSeconds) {

    public static final String DEFAULT_TITLE = "Concurrency katas";

    public ExportOptions {
        title = title == null || title.isBlank() ? DEFAULT_TITLE : title.strip();
        assignmentId = assignmentId == null || assignmentId.isBlank() ? null : assignmentId.strip();
        moodleIdentifier = moodleIdentifier == null ? MoodleIdentifier.EMAIL : moodleIdentifier;
        moment = moment == null ? Moment.BEFORE_DUE_DATE : moment;
    }

    public ExportOptions(String title, String assignmentId, MoodleIdentifier moodleIdentifier) {
        this(title, assignmentId, moodleIdentifier, null, null);
    }

    public static ExportOptions defaults() {
        return new ExportOptions(null, null, null, null, null);
    }

    public ExportOptions at(Moment when) {
        return new ExportOptions(title, assignmentId, moodleIdentifier, when, executionSeconds);
    }

    /** The Moodle user fields a grade import can match on, with the column header used for each. */
    public enum MoodleIdentifier {
        EMAIL("email"),
        USERNAME("username"),
        IDNUMBER("idnumber"),
        USERID("userid");

        private final String header;

        MoodleIdentifier(String header) {
            this.header = header;
        }

        public String header() {
            return header;
        }
    }
}
