package kata.protocol;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The little JSON the protocol needs, without a library on the test JVM's class path. Writes maps,
 * lists, integers, booleans and, for anything else (null included), its {@code String.valueOf};
 * reads back objects, arrays, strings, integers (as Long) and booleans. Every character outside
 * printable ASCII and valid UTF-16 pairs is escaped, so one message is always one line.
 */
final class Json {

    private final String text;
    private int at;

    private Json(String text) {
        this.text = text;
    }

    static void write(StringBuilder out, Object value) {
        if (value instanceof Long || value instanceof Integer || value instanceof Boolean) {
            out.append(value);
        } else if (value instanceof Map<?, ?> map) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> field : map.entrySet()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                quote(out, String.valueOf(field.getKey()));
                out.append(':');
                write(out, field.getValue());
            }
            out.append('}');
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                write(out, list.get(i));
            }
            out.append(']');
        } else {
            quote(out, String.valueOf(value));
        }
    }

    /**
     * Escapes lone surrogates too, so that any string survives UTF-8. Not shared with kata-support's
     * ScorecardText, which writes what Jackson writes: kata-support is built in the student's
     * repository, which has no protocol, and the protocol depends on the JDK alone.
     */
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
                    if (c < 0x20 || Character.isSurrogate(c) && !validSurrogate(text, i)) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private static boolean validSurrogate(String text, int i) {
        char c = text.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
        }
        return i > 0 && Character.isHighSurrogate(text.charAt(i - 1));
    }

    /** The one value {@code text} holds. */
    static Object read(String text) throws ProtocolException {
        Json reader = new Json(text);
        Object value = reader.value();
        reader.skipSpace();
        if (reader.at < text.length()) {
            throw reader.error("text after the value");
        }
        return value;
    }

    private Object value() throws ProtocolException {
        skipSpace();
        if (at >= text.length()) {
            throw error("a value expected");
        }
        char c = text.charAt(at);
        if (c == '{') {
            return object();
        } else if (c == '[') {
            return array();
        } else if (c == '"') {
            return string();
        } else if (c == '-' || c >= '0' && c <= '9') {
            return integer();
        } else if (text.startsWith("true", at)) {
            at += 4;
            return true;
        } else if (text.startsWith("false", at)) {
            at += 5;
            return false;
        }
        throw error("a value expected");
    }

    private Map<String, Object> object() throws ProtocolException {
        Map<String, Object> fields = new LinkedHashMap<>();
        at++;
        if (next() == '}') {
            at++;
            return Collections.unmodifiableMap(fields);
        }
        while (true) {
            if (next() != '"') {
                throw error("a field name expected");
            }
            String name = string();
            expect(':');
            fields.put(name, value());
            if (next() == '}') {
                at++;
                return Collections.unmodifiableMap(fields);
            }
            expect(',');
        }
    }

    private List<Object> array() throws ProtocolException {
        List<Object> items = new ArrayList<>();
        at++;
        if (next() == ']') {
            at++;
            return Collections.unmodifiableList(items);
        }
        while (true) {
            items.add(value());
            if (next() == ']') {
                at++;
                return Collections.unmodifiableList(items);
            }
            expect(',');
        }
    }

    private String string() throws ProtocolException {
        StringBuilder out = new StringBuilder();
        at++;
        while (at < text.length()) {
            char c = text.charAt(at++);
            if (c == '"') {
                return out.toString();
            } else if (c < 0x20) {
                throw error("a control character in a string");
            } else if (c != '\\') {
                out.append(c);
            } else if (at < text.length()) {
                char escaped = text.charAt(at++);
                switch (escaped) {
                    case '"', '\\', '/' -> out.append(escaped);
                    case 'b' -> out.append('\b');
                    case 'f' -> out.append('\f');
                    case 'n' -> out.append('\n');
                    case 'r' -> out.append('\r');
                    case 't' -> out.append('\t');
                    case 'u' -> out.append(hexChar());
                    default -> throw error("an unknown escape \\" + escaped);
                }
            }
        }
        throw error("an unterminated string");
    }

    private char hexChar() throws ProtocolException {
        if (at + 4 > text.length()) {
            throw error("a short \\u escape");
        }
        int c = 0;
        for (int end = at + 4; at < end; at++) {
            int digit = Character.digit(text.charAt(at), 16);
            if (digit < 0 || text.charAt(at) > 'f') {
                throw error("a malformed \\u escape");
            }
            c = c * 16 + digit;
        }
        return (char) c;
    }

    private Long integer() throws ProtocolException {
        int start = at;
        if (text.charAt(at) == '-') {
            at++;
        }
        while (at < text.length() && text.charAt(at) >= '0' && text.charAt(at) <= '9') {
            at++;
        }
        try {
            return Long.parseLong(text, start, at, 10);
        } catch (NumberFormatException e) {
            throw error("a malformed integer");
        }
    }

    private char next() throws ProtocolException {
        skipSpace();
        if (at >= text.length()) {
            throw error("an unexpected end");
        }
        return text.charAt(at);
    }

    private void expect(char c) throws ProtocolException {
        if (next() != c) {
            throw error("'" + c + "' expected");
        }
        at++;
    }

    private void skipSpace() {
        while (at < text.length() && " \t\r\n".indexOf(text.charAt(at)) >= 0) {
            at++;
        }
    }

    private ProtocolException error(String what) {
        return new ProtocolException("not JSON: " + what + " at column " + at);
    }
}
