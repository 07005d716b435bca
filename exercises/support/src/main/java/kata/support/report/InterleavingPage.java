package kata.support.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import kata.support.interleave.InterleavingFailure;
import kata.support.interleave.TraceStep;

/**
 * A failing check's schedule as a picture: one HTML page with a lane per thread, each step in its
 * thread's lane with its source line, in order, the step where it went wrong marked. Written under
 * the kata's {@code target/kata-interleavings/} for the student to open in a browser.
 */
final class InterleavingPage {

    static final String FOLDER = "kata-interleavings";

    private InterleavingPage() {
    }

    /** The interleaving failure behind a check's failure (it may be the cause of the check's own message). */
    static Optional<InterleavingFailure> find(Throwable thrown) {
        for (Throwable current = thrown; current != null; current = current.getCause()) {
            if (current instanceof InterleavingFailure failure) {
                return Optional.of(failure);
            }
            if (current.getCause() == current) {
                break;
            }
        }
        return Optional.empty();
    }

    /** Writes the page for a check and returns its path; empty when there are no steps to show. */
    static Optional<Path> write(Path target, String checkId, String checkName, InterleavingFailure failure) {
        if (failure.steps().isEmpty()) {
            return Optional.empty();
        }
        Path page = target.resolve(FOLDER).resolve(checkId.replaceAll("[^A-Za-z0-9._-]", "_") + ".html");
        try {
            Files.createDirectories(page.getParent());
            Files.writeString(page, html(checkName, failure), StandardCharsets.UTF_8);
            return Optional.of(page);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    static String html(String checkName, InterleavingFailure failure) {
        List<String> threads = new ArrayList<>(failure.threads());
        for (TraceStep step : failure.steps()) {
            if (!step.thread().isEmpty() && !threads.contains(step.thread())) {
                threads.add(step.thread());
            }
        }
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
                .append(escape(checkName)).append("</title>\n<style>\n")
                .append("body{font-family:system-ui,sans-serif;margin:1.5rem;color:#222}")
                .append("table{border-collapse:collapse;font-size:14px}")
                .append("th,td{border:1px solid #ddd;padding:3px 8px;vertical-align:top}")
                .append("th{background:#f3f3f3;position:sticky;top:0}")
                .append("td.n{color:#888;text-align:right}td.step{background:#eef5ff}")
                .append("td.time{font-style:italic;color:#666;text-align:center}")
                .append("tr.broke td.step{background:#ffd9d9;font-weight:bold}")
                .append(".at{color:#666;font-family:monospace;font-size:12px}")
                .append("pre{background:#fff4f4;border:1px solid #f0c0c0;padding:.7rem;white-space:pre-wrap}")
                .append("\n</style></head><body>\n<h1>").append(escape(checkName)).append("</h1>\n<pre>")
                .append(escape(failure.headline())).append("</pre>\n<p>Each row is one step of one thread, in the order")
                .append(" the scheduler ran them; the marked step is the last before it went wrong.</p>\n");
        failure.replayToken().ifPresent(token -> html.append("<p>Run exactly this schedule again: <code>mvn verify -D")
                .append("kata.replay=").append(escape(token)).append("</code></p>\n"));
        html.append("<table>\n<tr><th>#</th>");
        threads.forEach(thread -> html.append("<th>").append(escape(thread)).append("</th>"));
        html.append("</tr>\n");
        List<TraceStep> steps = failure.steps();
        for (int i = 0; i < steps.size(); i++) {
            TraceStep step = steps.get(i);
            html.append(i == steps.size() - 1 ? "<tr class=\"broke\">" : "<tr>")
                    .append("<td class=\"n\">").append(i + 1).append("</td>");
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
        return html.append("</table>\n</body></html>\n").toString();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
