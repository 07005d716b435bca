package kata.grader.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import kata.grader.export.Csv;
import kata.grader.export.ScorecardJson;
import kata.grader.files.AtomicFile;
import kata.grader.report.ClassReport;
import kata.support.score.ExerciseResult;
import kata.support.score.Scorecard;
import kata.support.score.Student;

/**
 * The class summary of a batch output folder: {@code summary.csv} and {@code summary.json} (one
 * row per student: identity, status, per-exercise scores, total) and {@code report.html}. All
 * three are written atomically, after the scorecards.
 */
public final class Summary {

    public static final String CSV = "summary.csv";
    public static final String JSON_FILE = "summary.json";
    public static final String REPORT = "report.html";
    public static final String SCORECARDS = "scorecards";

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private Summary() {
    }

    /** Where an entry's scorecard goes in a batch output folder. */
    public static Path scorecard(Path out, String entry) {
        return out.resolve(SCORECARDS).resolve(entry + ".json");
    }

    private record Column(String slug, String title, double max) {
    }

    public static void write(Path out, List<Row> rows, String title, Shard shard, Instant now) {
        List<Column> columns = columns(rows);
        write(out.resolve(CSV), csv(rows, columns));
        write(out.resolve(JSON_FILE), json(rows, columns, title, shard, now));
        List<ClassReport.Entry> entries = rows.stream().map(r -> new ClassReport.Entry(r.entry(), r.student(),
                r.status().label(), r.note(), r.card())).toList();
        write(out.resolve(REPORT), ClassReport.render(title, now, entries));
    }

    private static List<Column> columns(List<Row> rows) {
        Map<String, Column> columns = new LinkedHashMap<>();
        for (Row row : rows) {
            if (row.card() != null) {
                for (ExerciseResult exercise : row.card().exercises()) {
                    columns.putIfAbsent(exercise.slug(), new Column(exercise.slug(), exercise.title(),
                            exercise.maxScore()));
                }
            }
        }
        return List.copyOf(columns.values());
    }

    private static String csv(List<Row> rows, List<Column> columns) {
        List<List<String>> lines = new ArrayList<>();
        List<String> header = new ArrayList<>(Roster.COLUMNS);
        header.add("status");
        columns.forEach(c -> header.add(c.slug()));
        header.addAll(List.of("total", "max", "note"));
        lines.add(header);
        for (Row row : rows) {
            Student s = row.student() == null ? new Student(null, null, null, null, null, null) : row.student();
            List<String> line = new ArrayList<>(List.of(row.entry(), text(s.name()), text(s.email()),
                    text(s.login()), text(s.lmsUserId()), text(s.sisUserId()), text(s.section()), row.status().label()));
            for (Column column : columns) {
                line.add(score(row.card(), column.slug()));
            }
            line.add(row.card() == null ? "" : points(row.card().score()));
            line.add(row.card() == null ? "" : points(row.card().maxScore()));
            line.add(text(row.note()));
            lines.add(line);
        }
        return Csv.write(lines);
    }

    private static String json(List<Row> rows, List<Column> columns, String title, Shard shard, Instant now) {
        ObjectNode root = JSON.createObjectNode();
        root.put("title", title);
        root.put("generated_at", ScorecardJson.format(now));
        root.put("shard", shard.toString());
        ArrayNode exercises = root.putArray("exercises");
        columns.forEach(c -> exercises.addObject().put("slug", c.slug()).put("title", c.title())
                .put("max_score", c.max()));
        ArrayNode students = root.putArray("students");
        for (Row row : rows) {
            ObjectNode item = students.addObject();
            item.put("entry", row.entry());
            Student s = row.student();
            ObjectNode student = item.putObject("student");
            if (s != null) {
                student.put("name", s.name()).put("email", s.email()).put("login", s.login())
                        .put("lms_user_id", s.lmsUserId()).put("sis_user_id", s.sisUserId()).put("section", s.section());
            }
            item.put("status", row.status().label());
            item.put("note", text(row.note()));
            if (row.card() != null) {
                ObjectNode scores = item.putObject("scores");
                row.card().exercises().forEach(e -> scores.put(e.slug(), e.score()));
                item.put("total", row.card().score());
                item.put("max", row.card().maxScore());
                item.put("scorecard", SCORECARDS + "/" + row.entry() + ".json");
            }
        }
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The rows of a batch output folder, with their scorecards, and the shard that wrote it.
     *
     * @throws IllegalArgumentException when the folder has no summary or a scorecard it names is missing
     */
    public static Read read(Path out) {
        Path file = out.resolve(JSON_FILE);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("not a batch output folder (no " + JSON_FILE + "): " + out);
        }
        try {
            JsonNode root = JSON.readTree(file.toFile());
            List<Row> rows = new ArrayList<>();
            for (JsonNode item : root.path("students")) {
                JsonNode s = item.path("student");
                Student student = s.isEmpty() ? null : new Student(nullable(s, "name"), nullable(s, "email"),
                        nullable(s, "login"), nullable(s, "lms_user_id"), nullable(s, "sis_user_id"),
                        nullable(s, "section"));
                Scorecard card = null;
                if (item.hasNonNull("scorecard")) {
                    Path cardFile = out.resolve(item.get("scorecard").asText()).normalize();
                    if (!cardFile.startsWith(out.normalize()) || !Files.isRegularFile(cardFile)) {
                        throw new IllegalArgumentException(out + ": the scorecard of '" + item.path("entry").asText()
                                + "' is missing (" + item.get("scorecard").asText() + ")");
                    }
                    card = ScorecardJson.read(cardFile);
                }
                rows.add(new Row(item.path("entry").asText(), student,
                        Row.Status.valueOf(item.path("status").asText().toUpperCase(Locale.ROOT)),
                        item.path("note").asText(""), card));
            }
            return new Read(rows, Shard.parse(root.path("shard").asText("1/1")), root.path("title").asText(""));
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** A summary as read back: its rows, its shard and its title. */
    public record Read(List<Row> rows, Shard shard, String title) {
    }

    private static String nullable(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asText() : null;
    }

    private static String score(Scorecard card, String slug) {
        if (card == null) {
            return "";
        }
        return card.exercises().stream().filter(e -> e.slug().equals(slug)).findFirst()
                .map(e -> points(e.score())).orElse("");
    }

    static String points(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.2f", value);
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    static void write(Path file, String text) {
        AtomicFile.write(file, text);
    }
}
