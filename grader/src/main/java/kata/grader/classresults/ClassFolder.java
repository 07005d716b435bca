package kata.grader.classresults;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
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
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import kata.grader.csv.SpreadsheetCsv;
import kata.grader.files.AtomicFile;
import kata.support.score.ExerciseResult;
import kata.support.score.ExerciseStatus;
import kata.support.score.Scorecard;
import kata.support.score.Student;
import kata.grader.scorecards.Points;
import kata.grader.scorecards.ScorecardFiles;
import kata.grader.scorecards.ScorecardJson;

/**
 * A class's results on disk, as batch and merge leave them: {@code scorecards/<entry>.json},
 * {@code sources/<entry>/<kata>/} (what similarity compares), {@code summary.json} (the class
 * results: rows, statuses, untouched stubs), {@code summary.csv} (the same for a spreadsheet),
 * {@code similarity.json} and {@code report.html}. Every file is written atomically, after the
 * scorecards it names.
 */
public final class ClassFolder {

    public static final String SCORECARDS = ScorecardFiles.FOLDER;
    public static final String SOURCES = "sources";
    public static final String SUMMARY_CSV = "summary.csv";
    public static final String SUMMARY_JSON = "summary.json";
    public static final String SIMILARITY_JSON = "similarity.json";
    public static final String REPORT = "report.html";

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT)
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private ClassFolder() {
    }

    /** Where an entry's scorecard goes. */
    public static Path scorecard(Path out, String entry) {
        return out.resolve(SCORECARDS).resolve(entry + ".json");
    }

    /** Where an entry's sources are kept, one folder per kata. */
    public static Path sources(Path out, String entry) {
        return out.resolve(SOURCES).resolve(entry);
    }

    /** True when the folder holds a class's results. */
    public static boolean isClassFolder(Path folder) {
        return Files.isRegularFile(folder.resolve(SUMMARY_JSON));
    }

    /** Writes summary.json, summary.csv and, when the check ran, similarity.json. */
    public static void write(Path out, ClassResults results) {
        AtomicFile.write(out.resolve(SUMMARY_JSON), summaryJson(results));
        AtomicFile.write(out.resolve(SUMMARY_CSV), summaryCsv(results));
        if (results.similarity() != null) {
            try {
                AtomicFile.write(out.resolve(SIMILARITY_JSON), JSON.writeValueAsString(results.similarity()) + "\n");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** The title a folder's summary has, if it has one: a run without --title keeps it. */
    public static java.util.Optional<String> title(Path out) {
        if (!isClassFolder(out)) {
            return java.util.Optional.empty();
        }
        try {
            String title = JSON.readTree(out.resolve(SUMMARY_JSON).toFile()).path("title").asText("");
            return title.isBlank() ? java.util.Optional.empty() : java.util.Optional.of(title);
        } catch (IOException e) {
            return java.util.Optional.empty();
        }
    }

    static String summaryCsv(ClassResults results) {
        List<List<String>> lines = new ArrayList<>();
        List<String> header = new ArrayList<>(StudentRow.IDENTITY_COLUMNS);
        header.add("status");
        results.katas().forEach(c -> header.add(c.slug()));
        header.addAll(List.of("total", "max", "note"));
        lines.add(header);
        for (StudentRow row : results.rows()) {
            Student s = row.student() == null ? new Student(null, null, null, null, null, null) : row.student();
            List<String> line = new ArrayList<>(List.of(row.entry(), text(s.name()), text(s.email()),
                    text(s.login()), text(s.lmsUserId()), text(s.sisUserId()), text(s.section()),
                    row.status().label()));
            boolean verdict = row.status() == RowStatus.GRADED;
            for (KataColumn kata : results.katas()) {
                line.add(verdict ? score(row.card(), kata.slug()) : "");
            }
            line.add(row.card() == null || !verdict ? "" : Points.text(row.card().score()));
            line.add(row.card() == null ? "" : Points.text(row.card().maxScore()));
            line.add(row.note());
            lines.add(line);
        }
        return SpreadsheetCsv.write(lines);
    }

    /**
     * A kata's points; blank when not submitted, so that a spreadsheet does not average it in as 0
     * (and blank for a student without a verdict, whose scorecard only says why).
     */
    private static String score(Scorecard card, String slug) {
        if (card == null) {
            return "";
        }
        return card.exercises().stream().filter(e -> e.slug().equals(slug))
                .filter(e -> e.status() != ExerciseStatus.NOT_SUBMITTED).findFirst()
                .map(e -> Points.text(e.score())).orElse("");
    }

    static String summaryJson(ClassResults results) {
        ObjectNode root = JSON.createObjectNode();
        root.put("title", results.title());
        root.put("generated_at", ScorecardJson.format(results.generatedAt()));
        root.put("shard", results.shard());
        root.put("counts", results.counts().sentence());
        ArrayNode exercises = root.putArray("exercises");
        results.katas().forEach(c -> exercises.addObject().put("slug", c.slug()).put("title", c.title())
                .put("max_score", c.max()));
        ArrayNode students = root.putArray("students");
        for (StudentRow row : results.rows()) {
            ObjectNode item = students.addObject();
            item.put("entry", row.entry());
            Student s = row.student();
            ObjectNode student = item.putObject("student");
            if (s != null) {
                student.put("name", s.name()).put("email", s.email()).put("login", s.login())
                        .put("lms_user_id", s.lmsUserId()).put("sis_user_id", s.sisUserId()).put("section", s.section());
            }
            item.put("status", row.status().label());
            item.put("note", row.note());
            ArrayNode untouched = item.putArray("untouched");
            new TreeSet<>(row.untouched()).forEach(untouched::add);
            if (row.card() != null) {
                ObjectNode scores = item.putObject("scores");
                for (ExerciseResult e : row.card().exercises()) {
                    if (e.status() == ExerciseStatus.NOT_SUBMITTED) {
                        scores.putNull(e.slug());
                    } else {
                        scores.put(e.slug(), e.score());
                    }
                }
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
     * The class results of a folder, with their scorecards and similarity check.
     *
     * @throws IllegalArgumentException when the folder has no summary or a scorecard it names is missing
     */
    public static ClassResults read(Path out) {
        Path file = out.resolve(SUMMARY_JSON);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("not a batch output folder (no " + SUMMARY_JSON + "): " + out);
        }
        try {
            JsonNode root = JSON.readTree(file.toFile());
            List<StudentRow> rows = new ArrayList<>();
            for (JsonNode item : root.path("students")) {
                rows.add(row(out, item));
            }
            List<KataColumn> katas = new ArrayList<>();
            for (JsonNode kata : root.path("exercises")) {
                katas.add(new KataColumn(kata.path("slug").asText(), kata.path("title").asText(),
                        kata.path("max_score").asDouble()));
            }
            Similarity similarity = null;
            if (Files.isRegularFile(out.resolve(SIMILARITY_JSON))) {
                similarity = JSON.readValue(out.resolve(SIMILARITY_JSON).toFile(), Similarity.class);
            }
            Instant generated = root.hasNonNull("generated_at") ? Instant.parse(root.get("generated_at").asText())
                    : Instant.EPOCH;
            return new ClassResults(root.path("title").asText(""), generated, root.path("shard").asText("1/1"),
                    katas, rows, similarity);
        } catch (IOException | RuntimeException e) {
            if (e instanceof IllegalArgumentException argument) {
                throw argument;
            }
            throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static StudentRow row(Path out, JsonNode item) {
        JsonNode s = item.path("student");
        Student student = s.isEmpty() ? null : new Student(nullable(s, "name"), nullable(s, "email"),
                nullable(s, "login"), nullable(s, "lms_user_id"), nullable(s, "sis_user_id"), nullable(s, "section"));
        Scorecard card = null;
        if (item.hasNonNull("scorecard")) {
            Path cardFile = out.resolve(item.get("scorecard").asText()).normalize();
            if (!cardFile.startsWith(out.normalize()) || !Files.isRegularFile(cardFile)) {
                throw new IllegalArgumentException(out + ": the scorecard of '" + item.path("entry").asText()
                        + "' is missing (" + item.get("scorecard").asText() + ")");
            }
            card = ScorecardFiles.readOne(cardFile);
        }
        Set<String> untouched = new TreeSet<>();
        item.path("untouched").forEach(k -> untouched.add(k.asText()));
        return new StudentRow(item.path("entry").asText(), student, RowStatus.parse(item.path("status").asText()),
                item.path("note").asText(""), card, untouched);
    }

    private static String nullable(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asText() : null;
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
