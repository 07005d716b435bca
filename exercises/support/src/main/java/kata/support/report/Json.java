package kata.support.report;

import java.util.List;
import java.util.Map;

/** Just enough JSON writing for scorecards: objects, arrays, strings, numbers, booleans, null. */
final class Json {

    /** JSON written elsewhere, inserted as it is (re-indented). */
    record Raw(String json) {
    }

    private Json() {
    }

    static String write(Object value) {
        StringBuilder out = new StringBuilder();
        write(out, value, 0);
        return out.toString();
    }

    private static void write(StringBuilder out, Object value, int indent) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof Raw raw) {
            out.append(raw.json().strip().replace("\n", "\n" + "  ".repeat(indent)));
        } else if (value instanceof String text) {
            quote(out, text);
        } else if (value instanceof Number || value instanceof Boolean) {
            out.append(value);
        } else if (value instanceof Map<?, ?> map) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                out.append(first ? "\n" : ",\n").append("  ".repeat(indent + 1));
                first = false;
                quote(out, String.valueOf(entry.getKey()));
                out.append(" : ");
                write(out, entry.getValue(), indent + 1);
            }
            out.append(map.isEmpty() ? "}" : "\n" + "  ".repeat(indent) + "}");
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                out.append(i == 0 ? "\n" : ",\n").append("  ".repeat(indent + 1));
                write(out, list.get(i), indent + 1);
            }
            out.append(list.isEmpty() ? "]" : "\n" + "  ".repeat(indent) + "]");
        } else {
            quote(out, String.valueOf(value));
        }
    }

    private static void quote(StringBuilder out, String text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
