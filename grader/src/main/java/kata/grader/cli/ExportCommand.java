package kata.grader.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import kata.grader.export.ExportOptions;
import kata.grader.export.Exports;
import kata.grader.export.LmsExport;
import kata.support.score.Scorecard;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Write scorecards in a format an LMS or CI imports.",
                "Formats: gradescope, lti-ags, canvas-csv, moodle-csv, junit-xml, github-classroom."})
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
            description = "The assignment's id in the LMS (Canvas column 'Title (id)'; LTI resourceId).")
    String assignmentId;

    @Option(names = "--moodle-id", paramLabel = "<field>", defaultValue = "email",
            description = "What Moodle matches students on: email, username, idnumber or userid (default: ${DEFAULT-VALUE}).")
    String moodleId;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        LmsExport export = Exports.named(format);
        ExportOptions options = new ExportOptions(title, assignmentId, moodleIdentifier());
        List<Scorecard> cards = Exports.scorecards(source);
        LmsExport.Written written = export.write(cards, out, options);
        written.warnings().forEach(w -> spec.commandLine().getErr().println("warning: " + w));
        spec.commandLine().getOut().println(export.name() + ": " + cards.size() + " scorecards, "
                + written.files().size() + (written.files().size() == 1 ? " file" : " files") + " in " + out);
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
