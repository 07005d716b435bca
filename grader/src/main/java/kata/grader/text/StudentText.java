package kata.grader.text;

/**
 * Text that student code controls (exception messages, output, thread names, source lines) made
 * safe to store and to show: capped, and without what a terminal or a JSON reader would act on.
 * Control characters but newline and tab become visible escapes ({@code \u001b}), so an escape
 * sequence cannot clear or retitle an instructor's terminal; a lone surrogate (not text in any
 * encoding) becomes U+FFFD, so a scorecard can always be written.
 */
public final class StudentText {

    private StudentText() {
    }

    /** The text made safe, cut to at most {@code limit} characters with a note of how much was cut. */
    public static String clean(String text, int limit) {
        if (text == null) {
            return null;
        }
        String kept = text.length() > limit ? text.substring(0, limit) : text;
        StringBuilder out = new StringBuilder(kept.length() + 16);
        for (int i = 0; i < kept.length(); i++) {
            char c = kept.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < kept.length() && Character.isLowSurrogate(kept.charAt(i + 1))) {
                out.append(c).append(kept.charAt(++i));
            } else if (Character.isSurrogate(c)) {
                out.append('\uFFFD');
            } else if (c == '\n' || c == '\t' || !(Character.isISOControl(c) || c == '\u2028' || c == '\u2029')) {
                out.append(c);
            } else {
                out.append(String.format("\\u%04x", (int) c));
            }
        }
        if (text.length() > limit) {
            out.append(" ... [").append(text.length() - limit).append(" more characters]");
        }
        return out.toString();
    }

    /**
     * A long source line cut to a window of about {@code width} characters around a column
     * (1-based, 0 when unknown), with the column's place in the window.
     */
    public static Window window(String line, int column, int width) {
        if (line.length() <= width) {
            return new Window(clean(line, width), column);
        }
        int from = Math.max(0, Math.min(column - 1 - width / 2, line.length() - width));
        int to = Math.min(line.length(), from + width);
        String prefix = from > 0 ? "... " : "";
        String shown = prefix + clean(line.substring(from, to), width) + (to < line.length() ? " ..." : "");
        return new Window(shown, column > 0 ? column - from + prefix.length() : 0);
    }

    /** Part of a line, and where a column of the whole line falls in it (1-based, 0 when none). */
    public record Window(String text, int column) {
    }
}
