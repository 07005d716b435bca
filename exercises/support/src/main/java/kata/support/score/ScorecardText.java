package kata.support.score;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import kata.support.PublicApi;
import kata.support.Visibility;

/**
 * Scorecards as JSON text without a JSON library, for the student's own runs (a test classpath
 * should not get Jackson for this). It writes exactly what the grader's Jackson codec writes for the
 * same scorecard (snake_case, lowercase enums, times in UTC with milliseconds, Jackson's default
 * indentation), and reads what it writes.
 */
@PublicApi
public final class ScorecardText {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private ScorecardText() {
    }

    /** The scorecard as JSON, ending with a line break. */
    public static String write(Scorecard card) {
        Map<String, Object> grader = new LinkedHashMap<>();
        grader.put("name", card.grader().name());
        grader.put("version", card.grader().version());
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("schema_version", card.schemaVersion());
        root.put("grader", grader);
        root.put("submission_id", card.submissionId());
        root.put("student", card.student() == null ? null : student(card.student()));
        root.put("graded_at", time(card.gradedAt()));
        root.put("environment", environment(card.environment()));
        root.put("score", card.score());
        root.put("max_score", card.maxScore());
        root.put("exercises", card.exercises().stream().map(ScorecardText::exercise).toList());
        StringBuilder out = new StringBuilder();
        new Writer(out).value(root, 0);
        return out.append('\n').toString();
    }

    /** Reads a scorecard written by {@link #write}. */
    public static Scorecard read(String json) {
        Map<String, Object> root = object(new Reader(json).document());
        Map<String, Object> grader = object(root.get("grader"));
        Map<String, Object> student = object(root.get("student"));
        Map<String, Object> environment = object(root.get("environment"));
        List<ExerciseResult> exercises = new ArrayList<>();
        for (Object exercise : list(root.get("exercises"))) {
            exercises.add(exercise(object(exercise)));
        }
        return new Scorecard(number(root.get("schema_version")).intValue(),
                new Scorecard.GraderInfo(text(grader.get("name")), text(grader.get("version"))),
                text(root.get("submission_id")),
                student == null ? null : new Student(text(student.get("name")), text(student.get("email")),
                        text(student.get("login")), text(student.get("lms_user_id")),
                        text(student.get("sis_user_id")), text(student.get("section"))),
                Instant.parse(text(root.get("graded_at"))),
                new Scorecard.Environment(text(environment.get("jdk")), text(environment.get("jdk_vendor")),
                        text(environment.get("os")), number(environment.get("cpus")).intValue(),
                        environment.get("isolation") == null ? Scorecard.Environment.ISOLATION_UNKNOWN
                                : text(environment.get("isolation"))),
                number(root.get("score")).doubleValue(), number(root.get("max_score")).doubleValue(), exercises);
    }

    /** ISO-8601 in UTC with exactly three fraction digits, e.g. 2026-11-22T10:15:30.120Z. */
    public static String time(Instant instant) {
        return TIME.format(instant);
    }

    private static Map<String, Object> student(Student student) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("name", student.name());
        fields.put("email", student.email());
        fields.put("login", student.login());
        fields.put("lms_user_id", student.lmsUserId());
        fields.put("sis_user_id", student.sisUserId());
        fields.put("section", student.section());
        return fields;
    }

    private static Map<String, Object> environment(Scorecard.Environment environment) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("jdk", environment.jdk());
        fields.put("jdk_vendor", environment.jdkVendor());
        fields.put("os", environment.os());
        fields.put("cpus", environment.cpus());
        fields.put("isolation", environment.isolation());
        return fields;
    }

    private static Map<String, Object> exercise(ExerciseResult exercise) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("slug", exercise.slug());
        fields.put("title", exercise.title());
        fields.put("status", name(exercise.status()));
        fields.put("score", exercise.score());
        fields.put("max_score", exercise.maxScore());
        fields.put("message", exercise.message());
        fields.put("duration_millis", exercise.durationMillis());
        fields.put("checks", exercise.checks().stream().map(ScorecardText::check).toList());
        return fields;
    }

    private static Map<String, Object> check(CheckResult check) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("id", check.id());
        fields.put("name", check.name());
        fields.put("kind", name(check.kind()));
        fields.put("visibility", name(check.visibility()));
        fields.put("status", name(check.status()));
        fields.put("points", check.points());
        fields.put("max_points", check.maxPoints());
        fields.put("message", check.message());
        fields.put("duration_millis", check.durationMillis());
        fields.put("output", check.output());
        fields.put("output_truncated", check.outputTruncated());
        return fields;
    }

    private static ExerciseResult exercise(Map<String, Object> fields) {
        List<CheckResult> checks = new ArrayList<>();
        for (Object check : list(fields.get("checks"))) {
            Map<String, Object> c = object(check);
            checks.add(new CheckResult(text(c.get("id")), text(c.get("name")),
                    constant(CheckKind.class, c.get("kind")), constant(Visibility.class, c.get("visibility")),
                    constant(CheckStatus.class, c.get("status")), number(c.get("points")).doubleValue(),
                    number(c.get("max_points")).doubleValue(), text(c.get("message")),
                    number(c.get("duration_millis")).longValue(), text(c.get("output")),
                    Boolean.TRUE.equals(c.get("output_truncated")), null));
        }
        return new ExerciseResult(text(fields.get("slug")), text(fields.get("title")),
                constant(ExerciseStatus.class, fields.get("status")), number(fields.get("score")).doubleValue(),
                number(fields.get("max_score")).doubleValue(), text(fields.get("message")),
                number(fields.get("duration_millis")).longValue(), checks);
    }

    private static String name(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    private static <E extends Enum<E>> E constant(Class<E> type, Object value) {
        return Enum.valueOf(type, text(value).toUpperCase(Locale.ROOT));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Object value) {
        if (value != null && !(value instanceof Map)) {
            throw new IllegalArgumentException("not a scorecard: expected an object, found " + value);
        }
        return (Map<String, Object>) value;
    }

    private static List<?> list(Object value) {
        if (!(value instanceof List<?> items)) {
            throw new IllegalArgumentException("not a scorecard: expected an array, found " + value);
        }
        return items;
    }

    private static Number number(Object value) {
        if (!(value instanceof Number number)) {
            throw new IllegalArgumentException("not a scorecard: expected a number, found " + value);
        }
        return number;
    }

    private static String text(Object value) {
        if (value != null && !(value instanceof String)) {
            throw new IllegalArgumentException("not a scorecard: expected a string, found " + value);
        }
        return (String) value;
    }

    /** Jackson's default pretty printer: objects one field a line, arrays inline. */
    private record Writer(StringBuilder out) {

        private static final String LINE = System.lineSeparator();

        void value(Object value, int depth) {
            if (value == null) {
                out.append("null");
            } else if (value instanceof String text) {
                quote(text);
            } else if (value instanceof Number || value instanceof Boolean) {
                out.append(value);
            } else if (value instanceof Map<?, ?> fields) {
                if (fields.isEmpty()) {
                    out.append("{ }");
                    return;
                }
                out.append('{');
                boolean first = true;
                for (Map.Entry<?, ?> field : fields.entrySet()) {
                    out.append(first ? "" : ",").append(LINE).append("  ".repeat(depth + 1));
                    first = false;
                    quote((String) field.getKey());
                    out.append(" : ");
                    value(field.getValue(), depth + 1);
                }
                out.append(LINE).append("  ".repeat(depth)).append('}');
            } else if (value instanceof List<?> items) {
                out.append(items.isEmpty() ? "[ ]" : "[ ");
                for (int i = 0; i < items.size(); i++) {
                    out.append(i == 0 ? "" : ", ");
                    value(items.get(i), depth);
                }
                out.append(items.isEmpty() ? "" : " ]");
            } else {
                throw new IllegalArgumentException("cannot write " + value.getClass());
            }
        }

        /** As Jackson quotes (kata.protocol quotes its own way, and neither may depend on the other). */
        private void quote(String text) {
            out.append('"');
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                switch (c) {
                    case '"' -> out.append("\\\"");
                    case '\\' -> out.append("\\\\");
                    case '\b' -> out.append("\\b");
                    case '\t' -> out.append("\\t");
                    case '\f' -> out.append("\\f");
                    case '\n' -> out.append("\\n");
                    case '\r' -> out.append("\\r");
                    default -> {
                        if (c < 0x20) {
                            out.append(String.format(Locale.ROOT, "\\u%04X", (int) c));
                        } else {
                            out.append(c);
                        }
                    }
                }
            }
            out.append('"');
        }
    }

    /** Just enough JSON reading for what {@link Writer} writes; numbers are Long or Double. */
    private static final class Reader {

        private final String text;
        private int at;

        Reader(String text) {
            this.text = text;
        }

        Object document() {
            Object value = value();
            skipSpace();
            if (at != text.length()) {
                throw problem("text after the end");
            }
            return value;
        }

        private Object value() {
            skipSpace();
            if (at >= text.length()) {
                throw problem("unexpected end");
            }
            char c = text.charAt(at);
            if (c == '{') {
                return objectValue();
            }
            if (c == '[') {
                return arrayValue();
            }
            if (c == '"') {
                return string();
            }
            for (String word : List.of("null", "true", "false")) {
                if (text.startsWith(word, at)) {
                    at += word.length();
                    return word.equals("null") ? null : Boolean.valueOf(word);
                }
            }
            return numberValue();
        }

        private Map<String, Object> objectValue() {
            Map<String, Object> fields = new LinkedHashMap<>();
            at++;
            skipSpace();
            if (peek() == '}') {
                at++;
                return fields;
            }
            while (true) {
                skipSpace();
                String key = string();
                skipSpace();
                expect(':');
                fields.put(key, value());
                skipSpace();
                if (peek() == ',') {
                    at++;
                } else {
                    expect('}');
                    return fields;
                }
            }
        }

        private List<Object> arrayValue() {
            List<Object> items = new ArrayList<>();
            at++;
            skipSpace();
            if (peek() == ']') {
                at++;
                return items;
            }
            while (true) {
                items.add(value());
                skipSpace();
                if (peek() == ',') {
                    at++;
                } else {
                    expect(']');
                    return items;
                }
            }
        }

        private String string() {
            expect('"');
            StringBuilder out = new StringBuilder();
            while (true) {
                if (at >= text.length()) {
                    throw problem("unterminated string");
                }
                char c = text.charAt(at++);
                if (c == '"') {
                    return out.toString();
                }
                if (c != '\\') {
                    out.append(c);
                    continue;
                }
                char escaped = text.charAt(at++);
                switch (escaped) {
                    case 'b' -> out.append('\b');
                    case 't' -> out.append('\t');
                    case 'f' -> out.append('\f');
                    case 'n' -> out.append('\n');
                    case 'r' -> out.append('\r');
                    case 'u' -> {
                        out.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
                        at += 4;
                    }
                    default -> out.append(escaped);
                }
            }
        }

        private Number numberValue() {
            int start = at;
            while (at < text.length() && "+-0123456789.eE".indexOf(text.charAt(at)) >= 0) {
                at++;
            }
            String number = text.substring(start, at);
            if (number.isEmpty()) {
                throw problem("unexpected character '" + text.charAt(start) + "'");
            }
            return number.matches("-?\\d+") ? (Number) Long.valueOf(number) : (Number) Double.valueOf(number);
        }

        private void skipSpace() {
            while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
                at++;
            }
        }

        private char peek() {
            if (at >= text.length()) {
                throw problem("unexpected end");
            }
            return text.charAt(at);
        }

        private void expect(char c) {
            if (peek() != c) {
                throw problem("expected '" + c + "'");
            }
            at++;
        }

        private IllegalArgumentException problem(String what) {
            return new IllegalArgumentException("not a scorecard: " + what + " at character " + at);
        }
    }
}
