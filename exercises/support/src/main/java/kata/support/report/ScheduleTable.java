package kata.support.report;

import java.util.ArrayList;
import java.util.List;
import kata.support.PublicApi;
import kata.support.score.Schedule;

/**
 * A failing schedule as an HTML table with a lane (column) per thread: each step in its thread's
 * lane with its source line, in the order the scheduler ran them, the last one marked. The student's
 * page of a public check and the instructor's report (hidden checks too) draw it the same way.
 */
@PublicApi
public final class ScheduleTable {

    /** The table's style rules, scoped to {@code table.schedule}. */
    public static final String CSS = "table.schedule{border-collapse:collapse;font-size:13px}"
            + "table.schedule th,table.schedule td{border:1px solid #ddd;padding:3px 8px;vertical-align:top}"
            + "table.schedule th{background:#f3f3f3;position:sticky;top:0}"
            + "table.schedule td.n{color:#888;text-align:right}table.schedule td.step{background:#eef5ff}"
            + "table.schedule td.time{font-style:italic;color:#666;text-align:center}"
            + "table.schedule tr.broke td.step{background:#ffd9d9;font-weight:bold}"
            + "table.schedule .at{color:#666;font-family:monospace;font-size:12px}";

    private ScheduleTable() {
    }

    /** The table; empty when the schedule has no step. */
    public static String html(Schedule schedule) {
        List<Schedule.Step> steps = schedule.steps();
        if (steps.isEmpty()) {
            return "";
        }
        List<String> threads = new ArrayList<>(schedule.threads());
        for (Schedule.Step step : steps) {
            if (!step.thread().isEmpty() && !threads.contains(step.thread())) {
                threads.add(step.thread());
            }
        }
        StringBuilder html = new StringBuilder("<table class=\"schedule\">\n<tr><th>#</th>");
        threads.forEach(thread -> html.append("<th>").append(escape(thread)).append("</th>"));
        html.append("</tr>\n");
        if (schedule.omittedSteps() > 0) {
            html.append("<tr><td></td><td class=\"time\" colspan=\"").append(threads.size()).append("\">")
                    .append(schedule.omittedSteps()).append(" earlier steps not shown</td></tr>\n");
        }
        for (int i = 0; i < steps.size(); i++) {
            Schedule.Step step = steps.get(i);
            html.append(i == steps.size() - 1 ? "<tr class=\"broke\">" : "<tr>")
                    .append("<td class=\"n\">").append(schedule.omittedSteps() + i + 1).append("</td>");
            if (step.thread().isEmpty()) {
                html.append("<td class=\"time\" colspan=\"").append(threads.size()).append("\">")
                        .append(escape(step.action())).append("</td>");
            } else {
                for (String thread : threads) {
                    if (thread.equals(step.thread())) {
                        html.append("<td class=\"step\">").append(escape(step.action()))
                                .append(step.repeats() > 1 ? " (&times;" + step.repeats() + ")" : "")
                                .append(step.location().isEmpty() ? "" : "<br><span class=\"at\">"
                                        + escape(step.location()) + "</span>")
                                .append("</td>");
                    } else {
                        html.append("<td></td>");
                    }
                }
            }
            html.append("</tr>\n");
        }
        return html.append("</table>\n").toString();
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
