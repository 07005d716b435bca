package kata.grader.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import kata.grader.classresults.ClassResults;
import kata.grader.export.ExportOptions;
import kata.grader.export.Exports;
import kata.grader.export.LmsExport;
import kata.grader.export.Moment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Write a class's scorecards in a format an LMS, a CI or a students' platform imports.",
                "Formats: gradescope, lti-ags, canvas-csv, moodle-csv, junit-xml, github-classroom, exercism,"
                        + " prairielearn.",
                "Students read every format, so each shows only the checks their visibility allows at --moment:"
                        + " visible ones before the due date, after_due_date ones after it, after_published ones"
                        + " once grades are published (with the points of hidden checks in the total). Gradescope"
                        + " applies each test's visibility itself."})
final class ExportCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "<scorecards>",
            description = "A batch output folder, a folder of scorecards, or one scorecard file.")
    Path source;

    @Option(names = "--format", required = true, paramLabel = "<format>", description = "The format to write.")
    String format;

    @Option(names = "--out", required = true, paramLabel = "<path>",
            description = "A file (CSV formats, or one scorecard) or a folder (one file per submission).")
    Path out;

    @Option(names = "--title", paramLabel = "<text>",
            description = "The assignment's title in the LMS (default: " + ExportOptions.DEFAULT_TITLE + ").")
    String title;

    @Option(names = "--assignment-id", paramLabel = "<id>",
            description = "The assignment's id in the LMS: Canvas column 'Title (id)' updates that assignment"
                    + " (without it, Canvas creates one); LTI resourceId.")
    String assignmentId;

    @Option(names = "--moodle-id", paramLabel = "<field>", defaultValue = "email",
            description = "What Moodle matches students on: email, username, idnumber or userid (default: ${DEFAULT-VALUE}).")
    String moodleId;

    @Option(names = "--moment", paramLabel = "<when>", defaultValue = "before-due-date",
            description = "When students read it: before-due-date, after-due-date or after-published"
                    + " (default: ${DEFAULT-VALUE}).")
    String moment;

    @Option(names = "--execution-time", paramLabel = "<seconds>",
            description = "The grading's wall time, for Gradescope's execution_time (run_autograder measures it;"
                    + " default: the exercises' grading times added up).")
    Double executionSeconds;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        LmsExport export = Exports.named(format);
        Moment when = Moment.parse(moment);
        ExportOptions options = new ExportOptions(title, assignmentId, moodleIdentifier(), when, executionSeconds);
        ClassResults results = Exports.results(source);
        LmsExport.Written written = export.write(results, out, options);
        written.warnings().forEach(w -> spec.commandLine().getErr().println("warning: " + w));
        long cards = results.scorecards().size();
        spec.commandLine().getOut().println(export.name() + ": " + cards + (cards == 1 ? " scorecard, " : " scorecards, ")
                + written.files().size() + (written.files().size() == 1 ? " file" : " files") + " in " + out
                + " (as students see it " + when.option().replace('-', ' ') + ")");
        return 0;
    }

    private ExportOptions.MoodleIdentifier moodleIdentifier() {
        for (ExportOptions.MoodleIdentifier identifier : ExportOptions.MoodleIdentifier.values()) {
            if (identifier.header().equals(moodleId)) {
                return identifier;
            }
        }
        throw new IllegalArgumentException("--moodle-id takes email, username, idnumber or userid, not '" + moodleId
                + "'");
    }
}
