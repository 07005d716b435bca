package kata.grader.scorecards;

/** What the renderings of scorecards do with messages. */
public final class Messages {

    private Messages() {
    }

    /** The first line of a message; empty for null. */
    public static String firstLine(String text) {
        if (text == null) {
            return "";
        }
        int end = text.indexOf('\n');
        return end < 0 ? text : text.substring(0, end);
    }
}
