package kata.grader.export;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import kata.grader.classresults.ClassResults;
import kata.grader.classresults.RowStatus;
import kata.grader.classresults.StudentRow;
import kata.support.score.Scorecard;
import kata.support.score.Scoring;
import kata.support.score.Student;

/**
 * IMS LTI 1.3 Assignment and Grade Services: one Score per student
 * ({@code application/vnd.ims.lis.v1.score+json}, to POST to {@code {lineitem}/scores}) and the
 * line item. Students are matched by their LMS user id; a student with several scorecards gets
 * the latest. Timestamps are the grading times, with milliseconds and zone, made strictly
 * increasing in file-name order so that posting the files in that order is never refused. An
 * archive that could not be read is {@code gradingProgress: Failed} with no score: it is not a 0.
 */
public final class LtiAgs implements LmsExport {

    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSxxx").withZone(ZoneOffset.UTC);

    @Override
    public String name() {
        return "lti-ags";
    }

    @Override
    public String description() {
        return "LTI 1.3 AGS Score JSON per student (<out>/NNN-<id>.json) and lineitem.json; needs lms_user_id";
    }

    @Override
    public Written write(ClassResults results, Path out, ExportOptions options) throws IOException {
        List<String> warnings = new ArrayList<>();
        Map<String, StudentRow> latest = new LinkedHashMap<>();
        for (StudentRow row : Outputs.graded(results)) {
            Student student = row.student() != null ? row.student() : row.card().student();
            String user = student == null ? null : student.lmsUserId();
            if (user == null || user.isBlank()) {
                warnings.add(row.entry() + ": no lms_user_id in the roster, so no LTI score");
                continue;
            }
            latest.merge(user, row, (a, b) -> b.card().gradedAt().isAfter(a.card().gradedAt()) ? b : a);
        }
        if (latest.isEmpty()) {
            throw new IllegalArgumentException("no scorecard has an LMS user id: give the batch a roster with an"
                    + " lms_user_id column");
        }
        List<Map.Entry<String, StudentRow>> ordered = new ArrayList<>(latest.entrySet());
        ordered.sort(Comparator.comparing((Map.Entry<String, StudentRow> e) -> e.getValue().card().gradedAt())
                .thenComparing(Map.Entry::getKey));
        double maximum = ordered.stream().mapToDouble(e -> StudentView.of(e.getValue().card(), options.moment())
                .maxScore()).max().orElse(0);
        if (maximum <= 0) {
            throw new IllegalArgumentException("no check is shown to students " + options.moment().option()
                    .replace('-', ' ') + ", so there is no score to send; choose a later --moment");
        }
        Files.createDirectories(out);
        List<Path> files = new ArrayList<>();
        files.add(Outputs.write(out.resolve("lineitem.json"), lineItem(options, maximum)));
        Instant previous = Instant.MIN;
        int number = 0;
        for (Map.Entry<String, StudentRow> entry : ordered) {
            Instant timestamp = entry.getValue().card().gradedAt().truncatedTo(ChronoUnit.MILLIS);
            if (!timestamp.isAfter(previous)) {
                timestamp = previous.plusMillis(1);
            }
            previous = timestamp;
            number++;
            String name = String.format(Locale.ROOT, "%03d-%s.json", number, Outputs.safeName(entry.getValue().entry()));
            StudentRow row = entry.getValue();
            if (row.status() == RowStatus.UNREADABLE) {
                warnings.add(row.entry() + ": the archive could not be read; its LTI score says Failed, with no score");
            }
            files.add(Outputs.write(out.resolve(name), score(entry.getKey(), row, options.moment(), timestamp)));
        }
        return new Written(files, warnings);
    }

    static String score(String userId, StudentRow row, Moment moment, Instant timestamp) {
        ObjectNode score = Outputs.JSON.createObjectNode();
        score.put("userId", userId);
        if (row.status() == RowStatus.GRADED) {
            Scorecard view = StudentView.of(row.card(), moment);
            score.put("scoreGiven", view.score());
            score.put("scoreMaximum", view.maxScore());
            score.put("comment", Outputs.exerciseLines(view).strip());
        } else {
            score.put("comment", Scoring.firstLine(row.card().exercises().isEmpty() ? row.note()
                    : row.card().exercises().get(0).message()));
        }
        score.put("timestamp", TIMESTAMP.format(timestamp));
        score.put("activityProgress", "Completed");
        score.put("gradingProgress", row.status() == RowStatus.GRADED ? "FullyGraded" : "Failed");
        return Outputs.json(score);
    }

    private static String lineItem(ExportOptions options, double maximum) {
        ObjectNode item = Outputs.JSON.createObjectNode();
        item.put("label", options.title());
        item.put("scoreMaximum", maximum);
        if (options.assignmentId() != null) {
            item.put("resourceId", options.assignmentId());
        }
        item.put("tag", "kata-grader");
        return Outputs.json(item);
    }
}
