package kata.grader.report;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import kata.grader.classresults.ClassResults;
import kata.grader.classresults.Counts;
import kata.grader.classresults.FailingCheck;
import kata.grader.classresults.KataCell;
import kata.grader.classresults.KataColumn;
import kata.grader.classresults.KataOutcome;
import kata.grader.classresults.KataStats;
import kata.grader.classresults.SimilarPair;
import kata.grader.classresults.Similarity;
import kata.grader.classresults.StudentRow;
import kata.support.report.ScheduleTable;
import kata.support.score.CheckResult;
import kata.support.score.CheckStatus;
import kata.support.score.ExerciseResult;
import kata.grader.scorecards.Points;

/**
 * A class's results as one self-contained HTML page for the instructor (inline style and script,
 * nothing fetched): the student x kata grid (a heat map with status icons, sortable, filtered by
 * section, the students who need help first), what the class gets wrong, similar submissions side
 * by side, the score distribution per kata, and a page per student with every check, hidden ones
 * included. The grid's order and filter are in the address ({@code ?section=B&order=name}), so a
 * view can be bookmarked.
 */
public final class ClassReport {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    /** The heat map: no point, under half, half or more, full marks; grey where there is no attempt. */
    static final String ZERO = "#ef9a9a";
    static final String LOW = "#ffcc80";
    static final String HIGH = "#fff59d";
    static final String FULL = "#a5d6a7";
    static final String NONE = "#e0e0e0";

    private ClassReport() {
    }

    public static String render(ClassResults results) {
        Map<String, String> ids = ids(results.rows());
        Html html = new Html();
        html.raw("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .raw("<title>").text(results.title()).raw("</title>\n<style>\n").raw(STYLE).raw(ScheduleTable.CSS)
                .raw("\n</style>\n</head>\n<body>\n");
        Counts counts = results.counts();
        html.raw("<h1>").text(results.title()).raw("</h1>\n<p class=\"meta\" id=\"overview\">").text(counts.sentence())
                .text(" Mean total of the graded students " + Points.text(results.meanTotal()) + " of "
                        + Points.text(results.maxTotal()) + ".")
                .text(" Generated " + TIME.format(results.generatedAt()) + ".").raw("</p>\n");
        html.raw("<nav><a href=\"#grid\">Students × katas</a> · <a href=\"#wrong\">What the class gets wrong</a> · "
                + "<a href=\"#similarity\">Similar submissions</a> · <a href=\"#distribution\">Distribution</a></nav>\n");
        grid(html, results, ids);
        wrong(html, results);
        similarity(html, results.similarity(), ids);
        distribution(html, results.kataStats());
        students(html, results, ids);
        html.raw("<script>\n").raw(SCRIPT).raw("</script>\n</body>\n</html>\n");
        return html.toString();
    }

    /** Each student's page anchor: the entry, made safe for an id, unique. */
    private static Map<String, String> ids(List<StudentRow> rows) {
        Map<String, String> ids = new HashMap<>();
        Map<String, Integer> used = new HashMap<>();
        for (StudentRow row : rows) {
            String id = "student-" + row.entry().replaceAll("[^A-Za-z0-9_-]", "_");
            int n = used.merge(id, 1, Integer::sum);
            ids.put(row.entry(), n == 1 ? id : id + "-" + n);
        }
        return ids;
    }

    private static void grid(Html html, ClassResults results, Map<String, String> ids) {
        html.raw("<section id=\"grid\">\n<h2>Students × katas</h2>\n<div class=\"controls\">");
        List<String> sections = results.sections();
        if (!sections.isEmpty()) {
            html.raw("<label>Section <select id=\"section\"><option value=\"\">every section</option>");
            sections.forEach(s -> html.raw("<option").attr("value", s).raw(">").text(s).raw("</option>"));
            html.raw("</select></label> ");
        }
        html.raw("<label>Order <select id=\"order\"><option value=\"help\">who needs help first</option>"
                + "<option value=\"name\">name</option><option value=\"total\">total, lowest first</option>"
                + "<option value=\"-total\">total, highest first</option>");
        for (int i = 0; i < results.katas().size(); i++) {
            html.raw("<option value=\"k" + i + "\">").text(results.katas().get(i).title() + ", lowest first")
                    .raw("</option>");
        }
        html.raw("</select></label> <span class=\"meta\" id=\"shown\"></span></div>\n");
        html.raw("<p class=\"legend\">");
        legend(html, FULL, "full marks");
        legend(html, HIGH, "half or more");
        legend(html, LOW, "under half");
        legend(html, ZERO, "no point");
        legend(html, NONE, "no attempt");
        for (KataOutcome outcome : KataOutcome.values()) {
            if (!outcome.icon().isEmpty()) {
                html.raw("<span class=\"key\"><b>").text(outcome.icon()).raw("</b> ").text(outcome.words()).raw("</span>");
            }
        }
        html.raw("</p>\n<table id=\"grid-table\">\n<thead><tr><th data-order=\"name\">Student</th>");
        if (!sections.isEmpty()) {
            html.raw("<th>Section</th>");
        }
        html.raw("<th data-order=\"total\">Total</th>");
        for (int i = 0; i < results.katas().size(); i++) {
            KataColumn kata = results.katas().get(i);
            html.raw("<th class=\"kata\" data-order=\"k" + i + "\"").attr("title", kata.title() + " ("
                    + Points.text(kata.max()) + " points)").raw(">").text(kata.title()).raw("</th>");
        }
        html.raw("<th>Needs help</th></tr></thead>\n<tbody>\n");
        List<StudentRow> ordered = results.needHelpFirst();
        for (int rank = 0; rank < ordered.size(); rank++) {
            StudentRow row = ordered.get(rank);
            Optional<String> help = results.needsHelp(row);
            html.raw("<tr").attr("data-entry", row.entry()).attr("data-section", row.section())
                    .attr("data-name", row.displayName().toLowerCase(Locale.ROOT)).attr("data-help", String.valueOf(rank))
                    .attr("data-total", String.valueOf(row.total()));
            for (int i = 0; i < results.katas().size(); i++) {
                KataCell cell = row.cell(results.katas().get(i));
                html.attr("data-k" + i, String.valueOf(cell.outcome().attempted() ? cell.fraction() : -1));
            }
            html.raw(help.isPresent() ? " class=\"help\"" : "").raw(">");
            html.raw("<td class=\"who\"><a").attr("href", "#" + ids.get(row.entry())).raw(">").text(row.displayName())
                    .raw("</a>");
            if (!row.displayName().equals(row.entry())) {
                html.raw(" <span class=\"meta\">").text(row.entry()).raw("</span>");
            }
            if (row.notInRoster()) {
                html.raw(" <span class=\"note\">not in the roster</span>");
            }
            html.raw("</td>");
            if (!sections.isEmpty()) {
                html.raw("<td>").text(row.section()).raw("</td>");
            }
            html.raw("<td class=\"total\">").text(row.card() == null ? row.status().words()
                    : Points.of(row.total(), row.card().maxScore())).raw("</td>");
            for (KataColumn kata : results.katas()) {
                cell(html, row.cell(kata));
            }
            html.raw("<td class=\"why\">").text(help.orElse("")).raw("</td></tr>\n");
        }
        html.raw("</tbody>\n</table>\n</section>\n");
    }

    private static void legend(Html html, String colour, String words) {
        html.raw("<span class=\"key\"><span class=\"swatch\" style=\"background:" + colour + "\"></span> ").text(words)
                .raw("</span>");
    }

    private static void cell(Html html, KataCell cell) {
        String colour = !cell.outcome().attempted() ? NONE : cell.fraction() >= 1 ? FULL
                : cell.fraction() >= 0.5 ? HIGH : cell.fraction() > 0 ? LOW : ZERO;
        html.raw("<td class=\"cell " + cell.outcome().name().toLowerCase(Locale.ROOT).replace('_', '-')
                        + "\" style=\"background:" + colour + "\"")
                .attr("title", cell.outcome().words() + ", " + Points.of(cell.score(), cell.max())).raw(">");
        if (!cell.outcome().icon().isEmpty()) {
            html.raw("<span class=\"icon\">").text(cell.outcome().icon()).raw("</span>");
        }
        if (cell.outcome().attempted()) {
            html.text(Points.text(cell.score()));
        }
        html.raw("</td>");
    }

    private static void wrong(Html html, ClassResults results) {
        html.raw("<section id=\"wrong\">\n<h2>What the class gets wrong</h2>\n<p class=\"meta\">Per kata, the checks"
                + " that real attempts fail, among the attempts whose checks ran. Stubs handed in unchanged and code"
                + " that does not compile are counted apart; they say nothing about a check.</p>\n");
        Map<KataColumn, List<FailingCheck>> failing = results.failingChecks();
        for (KataStats stats : results.kataStats()) {
            List<FailingCheck> checks = failing.getOrDefault(stats.kata(), List.of());
            int ran = checks.isEmpty() ? (int) results.rows().stream()
                    .filter(r -> r.cell(stats.kata()).outcome().checksRan()).count() : checks.get(0).ran();
            html.raw("<div class=\"kata-wrong\"").attr("data-kata", stats.kata().slug()).raw("><h3>")
                    .text(stats.kata().title()).raw(" <span class=\"meta\">")
                    .text(count(ran, "attempt") + " ran, " + count(stats.untouched(), "untouched stub") + ", "
                            + stats.doesNotCompile() + " do not compile, " + stats.notSubmitted() + " not submitted")
                    .raw("</span></h3>\n");
            if (checks.isEmpty()) {
                html.raw(ran == 0 ? "<p class=\"meta\">No attempt ran.</p>\n" : "<p>Every attempt passes every check.</p>\n");
                html.raw("</div>\n");
                continue;
            }
            html.raw("<table class=\"list\">\n<tr><th>Check</th><th>Visibility</th><th>Did not pass</th>"
                    + "<th>Most common message</th><th>Students with it</th></tr>\n");
            for (FailingCheck check : checks) {
                html.raw("<tr class=\"failing\"><td>").text(check.checkName()).raw(" <span class=\"meta\">")
                        .text(check.checkId()).raw("</span></td><td>")
                        .text(check.visibility().name().toLowerCase(Locale.ROOT).replace('_', ' '))
                        .raw("</td><td class=\"count\">").text(check.failing() + " of " + check.ran())
                        .raw("</td><td><code>").text(check.message()).raw("</code></td><td class=\"count\">")
                        .text(String.valueOf(check.sharing())).raw("</td></tr>\n");
            }
            html.raw("</table>\n</div>\n");
        }
        html.raw("</section>\n");
    }

    private static void similarity(Html html, Similarity similarity, Map<String, String> ids) {
        html.raw("<section id=\"similarity\">\n<h2>Similar submissions</h2>\n");
        if (similarity == null) {
            html.raw("<p class=\"meta\">Not checked in this run.</p>\n</section>\n");
            return;
        }
        html.raw("<p class=\"meta\">").text("Pairs of submissions of a kata that share at least "
                + Math.round(similarity.threshold() * 100) + "% of their code beyond the stub, and a few statements"
                + " of it at least (JPlag: names and layout ignored). Compared: ")
                .text(String.join(", ", similarity.compared().stream().map(c -> c.kata() + " " + c.submissions())
                        .toList())).text(".").raw("</p>\n");
        similarity.notes().forEach(note -> html.raw("<p class=\"note\">").text(note).raw("</p>\n"));
        if (similarity.pairs().isEmpty()) {
            html.raw("<p>No pair above the threshold.</p>\n");
        }
        for (SimilarPair pair : similarity.pairs()) {
            html.raw("<details class=\"pair\"").attr("data-kata", pair.kata()).attr("data-first", pair.first())
                    .attr("data-second", pair.second()).raw("><summary><b>")
                    .text(Math.round(pair.similarity() * 100) + "%").raw("</b> ").text(pair.kata()).raw(": <a")
                    .attr("href", "#" + ids.getOrDefault(pair.first(), "")).raw(">").text(pair.first()).raw("</a> and <a")
                    .attr("href", "#" + ids.getOrDefault(pair.second(), "")).raw(">").text(pair.second())
                    .raw("</a> <span class=\"meta\">").text(pair.matchedTokens() + " tokens in common")
                    .raw("</span></summary>\n");
            for (SimilarPair.Region region : pair.regions()) {
                html.raw("<div class=\"sides\">");
                excerpt(html, pair.first(), region.first());
                excerpt(html, pair.second(), region.second());
                html.raw("</div>\n");
            }
            html.raw("</details>\n");
        }
        html.raw("</section>\n");
    }

    private static void excerpt(Html html, String entry, SimilarPair.Excerpt excerpt) {
        html.raw("<div><div class=\"meta\">").text(entry + ": " + excerpt.file() + ", lines " + excerpt.startLine()
                + "–" + excerpt.endLine()).raw("</div><pre>").text(excerpt.text()).raw("</pre></div>");
    }

    private static void distribution(Html html, List<KataStats> stats) {
        html.raw("<section id=\"distribution\">\n<h2>Score distribution</h2>\n<p class=\"meta\">Real attempts only"
                + " (code that does not compile counts as 0).</p>\n<div class=\"charts\">\n");
        for (KataStats kata : stats) {
            int[] counts = kata.histogram();
            int highest = java.util.Arrays.stream(counts).max().orElse(0);
            html.raw("<figure class=\"chart\"").attr("data-exercise", kata.kata().slug()).raw(">\n<figcaption><b>")
                    .text(kata.kata().title()).raw("</b> (").text(Points.text(kata.kata().max())).raw(" points): ")
                    .text(count(kata.attempts(), "attempt") + ", mean " + Points.text(kata.mean()) + ", median "
                            + Points.text(kata.median()))
                    .text(kata.untouched() > 0 ? ", " + count(kata.untouched(), "untouched stub") : "")
                    .text(kata.notSubmitted() > 0 ? ", " + kata.notSubmitted() + " not submitted" : "")
                    .raw("</figcaption>\n<table>\n");
            for (int i = 0; i < KataStats.BINS.size(); i++) {
                int width = highest == 0 ? 0 : Math.round(100f * counts[i] / highest);
                html.raw("<tr><th>").text(KataStats.BINS.get(i)).raw("</th><td><span class=\"bar\" style=\"width:")
                        .raw(String.valueOf(width)).raw("%\"></span></td><td class=\"count\">")
                        .text(String.valueOf(counts[i])).raw("</td></tr>\n");
            }
            html.raw("</table>\n</figure>\n");
        }
        html.raw("</div>\n</section>\n");
    }

    private static void students(Html html, ClassResults results, Map<String, String> ids) {
        html.raw("<section id=\"students\">\n<h2>Students</h2>\n<p class=\"meta\">Each student's page opens from the"
                + " grid: every check with its whole message (hidden checks too: this report is for instructors).</p>\n");
        for (StudentRow row : results.rows()) {
            html.raw("<article class=\"student\"").attr("id", ids.get(row.entry())).attr("data-entry", row.entry())
                    .raw(">\n<h3>").text(row.displayName()).raw(" <span class=\"meta\">").text(row.entry())
                    .text(row.section().isEmpty() ? "" : ", " + row.section()).raw("</span> <span class=\"total\">")
                    .text(row.card() == null ? row.status().words() : Points.of(row.total(), row.card().maxScore()))
                    .raw("</span></h3>\n<p><a href=\"#grid\">back to the grid</a> · ").text(row.status().words());
            results.needsHelp(row).ifPresent(reason -> html.text(" · needs help: " + reason));
            html.raw("</p>\n");
            if (!row.note().isEmpty()) {
                html.raw("<p class=\"note\">").text(row.note()).raw("</p>\n");
            }
            if (row.card() != null) {
                for (KataColumn kata : results.katas()) {
                    KataCell cell = row.cell(kata);
                    if (cell.exercise() != null) {
                        exercise(html, cell);
                    }
                }
            }
            html.raw("</article>\n");
        }
        html.raw("</section>\n");
    }

    private static void exercise(Html html, KataCell cell) {
        ExerciseResult exercise = cell.exercise();
        html.raw("<h4>").text(exercise.title()).raw(": ").text(Points.of(exercise.score(), exercise.maxScore()))
                .raw(" <span class=\"status\">").text(cell.outcome().icon() + " " + cell.outcome().words())
                .raw("</span></h4>\n");
        if (!cell.outcome().checksRan() && cell.outcome() != KataOutcome.UNTOUCHED) {
            if (cell.outcome() != KataOutcome.NOT_SUBMITTED) {
                html.raw("<pre>").text(exercise.message()).raw("</pre>\n");
            }
            return;
        }
        html.raw("<ul class=\"checks\">\n");
        for (CheckResult check : exercise.checks()) {
            String status = check.status().name().toLowerCase(Locale.ROOT);
            html.raw("<li class=\"" + status + "\">").text(status).raw(" <b>").text(check.name()).raw("</b> ")
                    .text(Points.text(check.points()) + "/" + Points.text(check.maxPoints()))
                    .raw(" <span class=\"vis\">").text(check.visibility().name().toLowerCase(Locale.ROOT)
                            .replace('_', ' ')).raw("</span>");
            if (check.status() != CheckStatus.PASSED && check.message() != null && !check.message().isEmpty()) {
                html.raw("<pre>").text(check.message()).raw("</pre>");
            }
            if (check.status() != CheckStatus.PASSED && check.schedule() != null) {
                // ScheduleTable escapes every name and action it draws.
                html.raw("<details class=\"schedule\"><summary>The interleaving, a lane per thread (")
                        .text(count(check.schedule().steps().size(), "step")).raw(")</summary>\n")
                        .raw(ScheduleTable.html(check.schedule())).raw("</details>");
            }
            if (check.output() != null && !check.output().isEmpty()) {
                html.raw("<div class=\"meta\">Output of the student's code").text(check.outputTruncated()
                        ? " (truncated)" : "").raw(":</div><pre class=\"output\">").text(check.output()).raw("</pre>");
            }
            html.raw("</li>\n");
        }
        html.raw("</ul>\n");
    }

    /** "1 attempt", "2 attempts". */
    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private static final String STYLE = """
            body { font: 15px/1.45 system-ui, sans-serif; margin: 1.5rem auto; max-width: 90rem; padding: 0 1rem; color: #222; }
            h1 { margin-bottom: .2rem; } h2 { border-bottom: 1px solid #ddd; padding-bottom: .2rem; margin-top: 2rem; }
            .meta { color: #666; font-weight: normal; }
            nav { margin: .5rem 0 1rem; }
            .controls { margin: .5rem 0; } .controls label { margin-right: 1rem; }
            .legend { font-size: 90%; } .key { margin-right: .9rem; white-space: nowrap; }
            .swatch { display: inline-block; width: .9rem; height: .9rem; vertical-align: middle; border: 1px solid #bbb; }
            #grid-table { border-collapse: collapse; font-size: 14px; }
            #grid-table th { background: #f4f4f4; cursor: pointer; padding: .25rem .4rem; border: 1px solid #ddd; vertical-align: bottom; }
            #grid-table th.kata { writing-mode: vertical-rl; transform: rotate(180deg); max-height: 9rem; font-weight: 600; }
            #grid-table td { border: 1px solid #ddd; padding: .2rem .4rem; }
            #grid-table td.cell { text-align: center; min-width: 2.6rem; }
            #grid-table td.total { text-align: right; white-space: nowrap; font-weight: 600; }
            #grid-table tr.help td.why { color: #a32020; }
            #grid-table td.why { font-size: 90%; }
            .icon { font-weight: bold; margin-right: .15rem; }
            .charts { display: flex; flex-wrap: wrap; gap: 1.5rem; }
            figure.chart { margin: 0; min-width: 20rem; flex: 1; }
            figure.chart table { width: 100%; border-collapse: collapse; }
            figure.chart th { text-align: right; font-weight: normal; width: 5rem; padding-right: .5rem; }
            figure.chart td.count { width: 3rem; text-align: right; }
            .bar { display: inline-block; height: 1rem; background: #3a7bd5; vertical-align: middle; min-width: 1px; }
            table.list { border-collapse: collapse; width: 100%; margin-bottom: 1rem; }
            table.list th, table.list td { border-bottom: 1px solid #eee; padding: .3rem .5rem; text-align: left; vertical-align: top; }
            code, pre { font: 13px/1.35 ui-monospace, monospace; }
            pre { background: #f6f6f6; padding: .5rem; white-space: pre-wrap; margin: .3rem 0 .6rem; }
            .note { background: #ffe9a8; border-radius: 3px; padding: 0 .3rem; font-size: 90%; }
            details.pair { border: 1px solid #ddd; border-radius: 4px; margin: .4rem 0; padding: .3rem .6rem; }
            details.pair summary { cursor: pointer; }
            .sides { display: grid; grid-template-columns: 1fr 1fr; gap: .8rem; }
            article.student { display: none; border: 1px solid #ccc; border-radius: 4px; padding: .5rem 1rem; }
            article.student:target { display: block; }
            article.student .total { float: right; font-weight: bold; }
            ul.checks { list-style: none; padding-left: 0; }
            ul.checks li.passed { color: #2b7a2b; } ul.checks li.failed, ul.checks li.error { color: #a32020; }
            ul.checks li.skipped { color: #777; } ul.checks pre { color: #222; }
            .vis { font-size: 80%; color: #555; border: 1px solid #ccc; border-radius: 3px; padding: 0 .25rem; }
            """;

    /** Sorting and the section filter; their state lives in the address so a view can be bookmarked. */
    private static final String SCRIPT = """
            (function () {
              var table = document.getElementById('grid-table');
              if (!table) { return; }
              var body = table.tBodies[0];
              var rows = Array.prototype.slice.call(body.rows);
              var section = document.getElementById('section');
              var order = document.getElementById('order');
              var params = new URLSearchParams(location.search);
              if (section && params.get('section') !== null) { section.value = params.get('section'); }
              if (params.get('order') !== null) { order.value = params.get('order'); }
              function key(row, by) {
                if (by === 'name') { return row.dataset.name; }
                if (by === 'help') { return Number(row.dataset.help); }
                var descending = by.charAt(0) === '-';
                var field = descending ? by.substring(1) : by;
                var value = Number(row.dataset[field]);
                return descending ? -value : value;
              }
              function apply() {
                var by = order.value || 'help';
                var chosen = section ? section.value : '';
                rows.sort(function (a, b) {
                  var x = key(a, by), y = key(b, by);
                  if (x < y) { return -1; }
                  if (x > y) { return 1; }
                  return Number(a.dataset.help) - Number(b.dataset.help);
                });
                var shown = 0;
                rows.forEach(function (row) {
                  row.hidden = chosen !== '' && row.dataset.section !== chosen;
                  if (!row.hidden) { shown++; }
                  body.appendChild(row);
                });
                document.getElementById('shown').textContent = shown + ' of ' + rows.length + ' students shown';
                var next = new URLSearchParams();
                if (chosen) { next.set('section', chosen); }
                if (by !== 'help') { next.set('order', by); }
                var query = next.toString();
                history.replaceState(null, '', location.pathname + (query ? '?' + query : '') + location.hash);
              }
              if (section) { section.addEventListener('change', apply); }
              order.addEventListener('change', apply);
              Array.prototype.forEach.call(table.tHead.querySelectorAll('th[data-order]'), function (th) {
                th.addEventListener('click', function () {
                  var by = th.dataset.order;
                  order.value = order.value === by && by !== 'name' ? '-' + by : by;
                  if (order.value !== by && !Array.prototype.some.call(order.options, function (o) { return o.value === order.value; })) {
                    var option = document.createElement('option');
                    option.value = order.value;
                    option.textContent = th.textContent + ', highest first';
                    order.appendChild(option);
                  }
                  apply();
                });
              });
              apply();
            })();
            """;
}
