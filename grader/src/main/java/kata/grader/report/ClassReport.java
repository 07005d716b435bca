package kata.grader.report;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import kata.support.score.CheckResult;
import kata.support.score.CheckStatus;
import kata.support.score.ExerciseResult;
import kata.support.score.ExerciseStatus;
import kata.support.score.Scorecard;
import kata.support.score.Student;

/**
 * A class's results as one self-contained HTML page (inline style, no script, nothing fetched):
 * the score distribution per exercise, the checks that fail most with their typical messages, and
 * every student's results to expand one by one.
 */
public final class ClassReport {

    /** Fraction-of-maximum bins of the distribution. */
    private static final List<String> BINS = List.of("0", "1–24%", "25–49%", "50–74%", "75–99%", "100%");
    private static final int MOST_FAILING = 15;
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    /**
     * One row of the class.
     *
     * @param entry   the submission's name (folder or zip)
     * @param student who it is, when the roster says; may be null
     * @param status  graded, unreadable, error or not_submitted
     * @param note    for the instructor (e.g. "not in the roster"); may be empty
     * @param card    the scorecard, when there is one
     */
    public record Entry(String entry, Student student, String status, String note, Scorecard card) {
    }

    private ClassReport() {
    }

    public static String render(String title, Instant generated, List<Entry> entries) {
        List<Scorecard> cards = entries.stream().map(Entry::card).filter(c -> c != null).toList();
        Map<String, ExerciseColumn> exercises = exercises(cards);
        Html html = new Html();
        html.raw("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .raw("<title>").text(title).raw("</title>\n<style>\n").raw(STYLE).raw("</style>\n</head>\n<body>\n");
        html.raw("<h1>").text(title).raw("</h1>\n<p class=\"meta\">").text(overview(entries, cards))
                .raw(" Generated ").text(TIME.format(generated)).raw(".</p>\n");
        distribution(html, exercises, cards);
        failing(html, cards);
        students(html, entries);
        html.raw("</body>\n</html>\n");
        return html.toString();
    }

    private record ExerciseColumn(String slug, String title, double max) {
    }

    private static Map<String, ExerciseColumn> exercises(List<Scorecard> cards) {
        Map<String, ExerciseColumn> columns = new LinkedHashMap<>();
        for (Scorecard card : cards) {
            for (ExerciseResult exercise : card.exercises()) {
                columns.putIfAbsent(exercise.slug(), new ExerciseColumn(exercise.slug(), exercise.title(),
                        exercise.maxScore()));
            }
        }
        return columns;
    }

    private static String overview(List<Entry> entries, List<Scorecard> cards) {
        long missing = entries.stream().filter(e -> e.status().equals("not_submitted")).count();
        long problems = entries.stream().filter(e -> e.status().equals("unreadable") || e.status().equals("error"))
                .count();
        double mean = cards.stream().mapToDouble(Scorecard::score).average().orElse(0);
        double max = cards.stream().mapToDouble(Scorecard::maxScore).max().orElse(0);
        return entries.size() + " students: " + cards.size() + " graded, " + missing + " not submitted, " + problems
                + " could not be graded. Mean total " + points(mean) + " of " + points(max) + ".";
    }

    private static void distribution(Html html, Map<String, ExerciseColumn> exercises, List<Scorecard> cards) {
        html.raw("<section id=\"distribution\">\n<h2>Score distribution</h2>\n<div class=\"charts\">\n");
        for (ExerciseColumn exercise : exercises.values()) {
            List<Double> scores = new ArrayList<>();
            for (Scorecard card : cards) {
                card.exercises().stream().filter(e -> e.slug().equals(exercise.slug()))
                        .filter(e -> e.status() != ExerciseStatus.NOT_SUBMITTED)
                        .forEach(e -> scores.add(e.score()));
            }
            long notSubmitted = cards.stream().flatMap(c -> c.exercises().stream())
                    .filter(e -> e.slug().equals(exercise.slug()) && e.status() == ExerciseStatus.NOT_SUBMITTED).count();
            chart(html, exercise, scores, notSubmitted);
        }
        html.raw("</div>\n</section>\n");
    }

    private static void chart(Html html, ExerciseColumn exercise, List<Double> scores, long notSubmitted) {
        int[] counts = new int[BINS.size()];
        scores.forEach(score -> counts[bin(score, exercise.max())]++);
        int highest = java.util.Arrays.stream(counts).max().orElse(0);
        html.raw("<figure class=\"chart\" data-exercise=\"").text(exercise.slug()).raw("\">\n<figcaption><b>")
                .text(exercise.title()).raw("</b> (").text(points(exercise.max())).raw(" points): ")
                .text(scores.size() + " submitted, mean " + points(mean(scores)) + ", median " + points(median(scores)))
                .text(notSubmitted > 0 ? ", " + notSubmitted + " not submitted" : "").raw("</figcaption>\n<table>\n");
        for (int i = 0; i < BINS.size(); i++) {
            int width = highest == 0 ? 0 : Math.round(100f * counts[i] / highest);
            html.raw("<tr><th>").text(BINS.get(i)).raw("</th><td><span class=\"bar\" style=\"width:")
                    .raw(String.valueOf(width)).raw("%\"></span></td><td class=\"count\">")
                    .text(String.valueOf(counts[i])).raw("</td></tr>\n");
        }
        html.raw("</table>\n</figure>\n");
    }

    private static int bin(double score, double max) {
        if (score <= 0 || max <= 0) {
            return 0;
        }
        if (score >= max) {
            return BINS.size() - 1;
        }
        return 1 + Math.min(3, (int) (4 * score / max));
    }

    /** How often a check did not pass, and its most frequent first message line. */
    private static final class Failing {
        final String slug;
        final String exercise;
        final String check;
        int count;
        final Map<String, Integer> messages = new LinkedHashMap<>();

        Failing(String slug, String exercise, String check) {
            this.slug = slug;
            this.exercise = exercise;
            this.check = check;
        }

        Map.Entry<String, Integer> typical() {
            return messages.entrySet().stream().max(Map.Entry.comparingByValue()).orElse(Map.entry("", 0));
        }
    }

    /**
     * Checks that ran and did not pass, most frequent first. Exercises that could not run (no
     * sources, compile errors, unreadable archives) are left out: their checks say nothing.
     */
    private static void failing(Html html, List<Scorecard> cards) {
        Map<String, Failing> failing = new LinkedHashMap<>();
        Map<String, Integer> ran = new LinkedHashMap<>();
        for (Scorecard card : cards) {
            for (ExerciseResult exercise : card.exercises()) {
                if (exercise.status() == ExerciseStatus.NOT_SUBMITTED || exercise.status() == ExerciseStatus.ERROR) {
                    continue;
                }
                ran.merge(exercise.slug(), 1, Integer::sum);
                for (CheckResult check : exercise.checks()) {
                    if (check.status() == CheckStatus.FAILED || check.status() == CheckStatus.ERROR) {
                        Failing f = failing.computeIfAbsent(exercise.slug() + "/" + check.id(),
                                k -> new Failing(exercise.slug(), exercise.title(), check.name()));
                        f.count++;
                        f.messages.merge(firstLine(check.message()), 1, Integer::sum);
                    }
                }
            }
        }
        html.raw("<section id=\"failing-checks\">\n<h2>Checks that fail most</h2>\n");
        if (failing.isEmpty()) {
            html.raw("<p>Every graded check passed.</p>\n</section>\n");
            return;
        }
        html.raw("<table class=\"list\">\n<tr><th>Exercise</th><th>Check</th><th>Did not pass</th>"
                + "<th>Typical message</th></tr>\n");
        failing.values().stream().sorted(Comparator.comparingInt((Failing f) -> -f.count)).limit(MOST_FAILING)
                .forEach(f -> {
                    Map.Entry<String, Integer> typical = f.typical();
                    html.raw("<tr class=\"failing\"><td>").text(f.exercise).raw("</td><td>").text(f.check)
                            .raw("</td><td class=\"count\">").text(f.count + " of " + ran.get(f.slug))
                            .raw("</td><td><code>").text(typical.getKey()).raw("</code> <span class=\"meta\">(")
                            .text(typical.getValue() + "×").raw(")</span></td></tr>\n");
                });
        html.raw("</table>\n</section>\n");
    }

    private static void students(Html html, List<Entry> entries) {
        html.raw("<section id=\"students\">\n<h2>Students</h2>\n");
        for (Entry entry : entries) {
            String name = entry.student() != null && entry.student().name() != null && !entry.student().name().isBlank()
                    ? entry.student().name() : entry.entry();
            html.raw("<details class=\"student ").text(entry.status()).raw("\" data-entry=\"").text(entry.entry())
                    .raw("\">\n<summary><span class=\"name\">").text(name).raw("</span> <span class=\"meta\">")
                    .text(entry.entry()).raw("</span> <span class=\"total\">")
                    .text(entry.card() == null ? entry.status().replace('_', ' ')
                            : points(entry.card().score()) + " / " + points(entry.card().maxScore()))
                    .raw("</span>");
            if (entry.note() != null && !entry.note().isEmpty()) {
                html.raw(" <span class=\"note\">").text(entry.note()).raw("</span>");
            }
            html.raw("</summary>\n");
            if (entry.card() != null) {
                for (ExerciseResult exercise : entry.card().exercises()) {
                    exercise(html, exercise);
                }
            }
            html.raw("</details>\n");
        }
        html.raw("</section>\n");
    }

    private static void exercise(Html html, ExerciseResult exercise) {
        html.raw("<h3>").text(exercise.title()).raw(": ").text(points(exercise.score()) + " / "
                + points(exercise.maxScore())).raw(" <span class=\"status\">")
                .text(exercise.status().name().toLowerCase(Locale.ROOT).replace('_', ' ')).raw("</span></h3>\n");
        if (exercise.status() == ExerciseStatus.ERROR) {
            html.raw("<pre>").text(exercise.message()).raw("</pre>\n");
            return;
        }
        if (exercise.status() == ExerciseStatus.NOT_SUBMITTED) {
            return;
        }
        html.raw("<ul class=\"checks\">\n");
        for (CheckResult check : exercise.checks()) {
            html.raw("<li class=\"").text(check.status().name().toLowerCase(Locale.ROOT)).raw("\">")
                    .text(check.status().name().toLowerCase(Locale.ROOT)).raw(" ").raw("<b>").text(check.name())
                    .raw("</b> ").text(points(check.points()) + "/" + points(check.maxPoints()));
            if (check.status() != CheckStatus.PASSED && check.message() != null && !check.message().isEmpty()) {
                html.raw("<pre>").text(check.message()).raw("</pre>");
            }
            html.raw("</li>\n");
        }
        html.raw("</ul>\n");
    }

    private static double mean(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average().orElse(0);
    }

    private static double median(List<Double> values) {
        if (values.isEmpty()) {
            return 0;
        }
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    private static String points(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.1f", value);
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "";
        }
        int end = text.indexOf('\n');
        return end < 0 ? text : text.substring(0, end);
    }

    /** Builds HTML; text is always escaped, raw only for the report's own markup. */
    private static final class Html {
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

        @Override
        public String toString() {
            return out.toString();
        }
    }

    private static final String STYLE = """
            body { font: 15px/1.45 system-ui, sans-serif; margin: 2rem auto; max-width: 70rem; padding: 0 1rem; color: #222; }
            h1 { margin-bottom: .2rem; } h2 { border-bottom: 1px solid #ddd; padding-bottom: .2rem; margin-top: 2rem; }
            .meta { color: #666; }
            .charts { display: flex; flex-wrap: wrap; gap: 1.5rem; }
            figure.chart { margin: 0; min-width: 20rem; flex: 1; }
            figure.chart table { width: 100%; border-collapse: collapse; }
            figure.chart th { text-align: right; font-weight: normal; width: 5rem; padding-right: .5rem; }
            figure.chart td.count { width: 3rem; text-align: right; }
            .bar { display: inline-block; height: 1rem; background: #3a7bd5; vertical-align: middle; min-width: 1px; }
            table.list { border-collapse: collapse; width: 100%; }
            table.list th, table.list td { border-bottom: 1px solid #eee; padding: .3rem .5rem; text-align: left; vertical-align: top; }
            code, pre { font: 13px/1.35 ui-monospace, monospace; }
            pre { background: #f6f6f6; padding: .5rem; white-space: pre-wrap; margin: .3rem 0 .6rem; }
            details.student { border: 1px solid #ddd; border-radius: 4px; margin: .3rem 0; padding: .3rem .6rem; }
            details.student summary { cursor: pointer; }
            details.student .total { float: right; font-weight: bold; }
            details.not_submitted, details.unreadable, details.error { background: #fff6f0; }
            .note { background: #ffe9a8; border-radius: 3px; padding: 0 .3rem; font-size: 90%; }
            ul.checks { list-style: none; padding-left: 0; }
            ul.checks li.passed { color: #2b7a2b; } ul.checks li.failed, ul.checks li.error { color: #a32020; }
            ul.checks li.skipped { color: #777; } ul.checks pre { color: #222; }
            """;
}
