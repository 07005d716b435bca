package kata.grader.export;

/**
 * What an export needs besides the scorecards.
 *
 * @param title            the assignment's title in the LMS (Canvas column, Moodle grade item, LTI line item label)
 * @param assignmentId     the assignment's id in the LMS (Canvas {@code Title (id)} header, LTI resourceId); may be null
 * @param moodleIdentifier which identity Moodle matches students on
 */
public record ExportOptions(String title, String assignmentId, MoodleIdentifier moodleIdentifier) {

    public static final String DEFAULT_TITLE = "Concurrency katas";

    public ExportOptions {
        title = title == null || title.isBlank() ? DEFAULT_TITLE : title.strip();
        moodleIdentifier = moodleIdentifier == null ? MoodleIdentifier.EMAIL : moodleIdentifier;
    }

    public static ExportOptions defaults() {
        return new ExportOptions(null, null, null);
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
