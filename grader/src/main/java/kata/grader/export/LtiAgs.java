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
import java.util.Map;
import kata.support.score.Scorecard;

/**
 * IMS LTI 1.3 Assignment and Grade Services: one Score per student
 * ({@code application/vnd.ims.lis.v1.score+json}, to POST to {@code {lineitem}/scores}) and the
 * line item. Students are matched by their LMS user id; a student with several scorecards gets
 * the latest. Timestamps are the grading times, with milliseconds and zone, made strictly
 * increasing in file-name order so that posting the files in that order is never refused.
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
    public Written write(List<Scorecard> scorecards, Path out, ExportOptions options) throws IOException {
        List<String> warnings = new ArrayList<>();
        Map<String, Scorecard> latest = new LinkedHashMap<>();
        for (Scorecard card : scorecards) {
            String user = card.student() == null ? null : card.student().lmsUserId();
            if (user == null || user.isBlank()) {
                warnings.add(card.submissionId() + ": no lms_user_id in the roster, so no LTI score");
                continue;
            }
            latest.merge(user, card, (a, b) -> b.gradedAt().isAfter(a.gradedAt()) ? b : a);
        }
        if (latest.isEmpty()) {
            throw new IllegalArgumentException("no scorecard has an LMS user id: give the batch a roster with an"
                    + " lms_user_id column");
        }
        List<Map.Entry<String, Scorecard>> ordered = new ArrayList<>(latest.entrySet());
        ordered.sort(Comparator.comparing((Map.Entry<String, Scorecard> e) -> e.getValue().gradedAt())
                .thenComparing(Map.Entry::getKey));
        Files.createDirectories(out);
        List<Path> files = new ArrayList<>();
        double maximum = scorecards.stream().mapToDouble(Scorecard::maxScore).max().orElse(0);
        files.add(Outputs.write(out.resolve("lineitem.json"), lineItem(options, maximum)));
        Instant previous = Instant.MIN;
        int number = 0;
        for (Map.Entry<String, Scorecard> entry : ordered) {
            Instant timestamp = entry.getValue().gradedAt().truncatedTo(ChronoUnit.MILLIS);
            if (!timestamp.isAfter(previous)) {
                timestamp = previous.plusMillis(1);
            }
            previous = timestamp;
            number++;
            String name = String.format(java.util.Locale.ROOT, "%03d-%s.json", number,
                    Outputs.safeName(entry.getValue().submissionId()));
            files.add(Outputs.write(out.resolve(name), score(entry.getKey(), entry.getValue(), timestamp)));
        }
        return new Written(files, warnings);
    }

    static String score(String userId, Scorecard card, Instant timestamp) {
        ObjectNode score = Gradescope.JSON.createObjectNode();
        score.put("userId", userId);
        score.put("scoreGiven", card.score());
        score.put("scoreMaximum", card.maxScore());
        score.put("comment", Outputs.exerciseLines(card).strip());
        score.put("timestamp", TIMESTAMP.format(timestamp));
        score.put("activityProgress", "Completed");
        score.put("gradingProgress", "FullyGraded");
        return json(score);
    }

    private static String lineItem(ExportOptions options, double maximum) {
        ObjectNode item = Gradescope.JSON.createObjectNode();
        item.put("label", options.title());
        item.put("scoreMaximum", maximum);
        if (options.assignmentId() != null) {
            item.put("resourceId", options.assignmentId());
        }
        item.put("tag", "kata-grader");
        return json(item);
    }

    private static String json(ObjectNode node) {
        try {
            return Gradescope.JSON.writeValueAsString(node) + "\n";
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
