package kata.grader.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import kata.grader.Grader;
import kata.grader.batch.Batch;
import kata.grader.batch.Progress;
import kata.grader.batch.Roster;
import kata.grader.batch.Shard;
import kata.grader.classresults.ClassFolder;
import kata.grader.classresults.Counts;
import kata.grader.intake.Archives;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "batch", mixinStandardHelpOptions = true,
        description = {"Grade a whole class: every folder or .zip in <submissions> is one student's submission"
                + " (another archive, .tar.gz say, gets a row saying it was not read).",
                "Writes <out>/scorecards/<entry>.json, summary.csv, summary.json, similarity.json and report.html."
                        + " Run it again after an interruption: entries already graded and unchanged are kept."})
final class BatchCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "<submissions>", description = "Folder with one folder or .zip per student.")
    Path submissions;

    @Option(names = "--out", required = true, paramLabel = "<dir>", description = "Output folder.")
    Path out;

    @Option(names = "--jobs", paramLabel = "<n>",
            description = "Submissions graded at once (default: number of CPUs). Verdicts do not depend on it.")
    Integer jobs;

    @Option(names = "--roster", paramLabel = "<roster.csv>",
            description = "CSV with a header: entry (required), name, email, login, lms_user_id, sis_user_id, section.")
    Path roster;

    @Option(names = "--shard", paramLabel = "<i/n>",
            description = "Grade only part i of n of the entries (for n parallel jobs; combine them with merge).")
    String shard;

    @Option(names = "--regrade", description = "Grade every entry again, even those unchanged since the last run.")
    boolean regrade;

    @Option(names = "--title", paramLabel = "<text>",
            description = "Title of report.html (default: the title of the last run into <out>, else '"
                    + kata.grader.classresults.ClassResults.DEFAULT_TITLE + "').")
    String title;

    @Option(names = "--progress", paramLabel = "<bar|lines|none>",
            description = "How to show progress (default: a bar on a terminal, plain lines otherwise).")
    String progress;

    @Mixin
    SimilarityFlags similarity;

    @Mixin
    JvmFlags jvm;

    @Mixin
    CourseFlags course;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Roster students = roster == null ? Roster.empty() : Roster.read(roster);
        Shard part = shard == null ? Shard.ALL : Shard.parse(shard);
        int workers = jobs != null ? jobs : Runtime.getRuntime().availableProcessors();
        Progress shown = progress(spec.commandLine().getOut());
        Grader grader = Grader.of(course.course()).withJvm(jvm.options(spec.commandLine().getErr())).withParallelism(1);
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        Batch.Options options = new Batch.Options(submissions, out, workers, students, part, regrade,
                Archives.Limits.DEFAULT, title, similarity.settings());
        Batch.Outcome outcome = new Batch(grader, options, Clock.systemUTC()).run(shown);
        outcome.warnings().forEach(w -> stderr.println("warning: " + w));
        Counts counts = outcome.results().counts();
        stdout.println(counts.sentence() + " This run graded " + outcome.graded() + " and kept " + outcome.kept()
                + " unchanged.");
        if (outcome.results().similarity() != null) {
            stdout.println("Similar pairs at or above " + Math.round(100 * outcome.results().similarity().threshold())
                    + "%: " + outcome.results().similarity().pairs().size() + ".");
        }
        stdout.println("Summary: " + out.resolve(ClassFolder.SUMMARY_CSV) + ", " + out.resolve(ClassFolder.SUMMARY_JSON));
        stdout.println("Report:  " + out.resolve(ClassFolder.REPORT));
        return 0;
    }

    private Progress progress(PrintWriter stdout) {
        String mode = progress != null ? progress : System.console() != null ? "bar" : "lines";
        return switch (mode) {
            case "bar" -> Progress.bar(System.out);
            case "lines" -> Progress.lines(stdout);
            case "none" -> Progress.silent();
            default -> throw new IllegalArgumentException("--progress takes bar, lines or none, not '" + mode + "'");
        };
    }
}
