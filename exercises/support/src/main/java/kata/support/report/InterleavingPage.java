package kata.support.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import kata.support.interleave.InterleavingFailure;

/**
 * A failing check's schedule as a picture: one HTML page with a lane per thread, each step in its
 * thread's lane with its source line, in order, the step where it went wrong marked. Written under
 * the kata's {@code target/kata-interleavings/} for the student to open in a browser.
 */
final class InterleavingPage {

    static final String FOLDER = "kata-interleavings";

    private InterleavingPage() {
    }

    /** Writes the page for a check and returns its path; empty when there are no steps to show. */
    static Optional<Path> write(Path target, String checkId, String checkName, InterleavingFailure failure) {
        if (failure.interleaving().steps().isEmpty()) {
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
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
                .append(ScheduleTable.escape(checkName)).append("</title>\n<style>\n")
                .append("body{font-family:system-ui,sans-serif;margin:1.5rem;color:#222}")
                .append("pre{background:#fff4f4;border:1px solid #f0c0c0;padding:.7rem;white-space:pre-wrap}")
                .append(ScheduleTable.CSS)
                .append("\n</style></head><body>\n<h1>").append(ScheduleTable.escape(checkName)).append("</h1>\n<pre>")
                .append(ScheduleTable.escape(failure.headline())).append("</pre>\n<p>Each row is one step of one thread,")
                .append(" in the order the scheduler ran them; the marked step is the last before it went wrong.</p>\n");
        failure.replayToken().ifPresent(token -> html.append("<p>Run exactly this schedule again: <code>mvn verify -D")
                .append("kata.replay=").append(ScheduleTable.escape(token)).append("</code></p>\n"));
        return html.append(ScheduleTable.html(failure.interleaving())).append("</body></html>\n").toString();
    }
}
