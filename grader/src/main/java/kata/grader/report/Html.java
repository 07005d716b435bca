package kata.grader.report;

/** Builds HTML; text is always escaped, raw only for the report's own markup. */
final class Html {
    private final StringBuilder out = new StringBuilder();

    Html raw(String markup) {
        out.append(markup);
        return this;
    }

    Html text(String text) {
        if (text == null) {
            return this;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return this;
    }

    /** An attribute: {@code name="escaped value"} with a leading space. */
    Html attr(String name, String value) {
        return raw(" ").raw(name).raw("=\"").text(value).raw("\"");
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
