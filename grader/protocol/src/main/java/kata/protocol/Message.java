package kata.protocol;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One message from the runner: its type and its fields. Field values are strings, integers,
 * booleans, lists and maps of them ({@link Json}).
 */
public record Message(EventType type, Map<String, Object> fields) {

    public Message {
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    public Message(EventType type) {
        this(type, Map.of());
    }

    /** The field as text (an integer or boolean as written), or "" when absent. */
    public String text(String field) {
        return text(fields.get(field));
    }

    /** The field as an integer, or 0 when absent or not an integer. */
    public long number(String field) {
        return fields.get(field) instanceof Long number ? number : 0;
    }

    public boolean flag(String field) {
        return fields.get(field) instanceof Boolean flag && flag;
    }

    /** The field when it is an object, or null. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> object(String field) {
        return fields.get(field) instanceof Map<?, ?> map ? (Map<String, Object>) map : null;
    }

    /** A decoded value as text: a string, an integer or boolean as written, "" for anything else. */
    public static String text(Object value) {
        return value instanceof String || value instanceof Long || value instanceof Boolean ? value.toString() : "";
    }

    /** A decoded value as a list, empty when it is not one. */
    public static List<?> list(Object value) {
        return value instanceof List<?> list ? list : List.of();
    }
}
