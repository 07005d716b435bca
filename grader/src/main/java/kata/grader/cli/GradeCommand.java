package kata.grader.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import kata.grader.Grader;
import kata.grader.scorecards.ScorecardJson;
import kata.grader.intake.Submissions;
import kata.grader.report.ConsoleSummary;
import kata.support.score.Scorecard;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "grade", mixinStandardHelpOptions = true,
        description = {"Grade one submission and write its scorecard.",
                "The submission has the student repository's layout: <slug>/src/main/java/... for each"
                        + " exercise; exercises that are absent are scored as not submitted."})
final class GradeCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "<submission-dir>", description = "The submission to grade.")
    Path submission;

    @Option(names = "--exercise", paramLabel = "<slug>",
            description = "Grade only this exercise (repeatable; default: every exercise).")
    List<String> exercises = new ArrayList<>();

    @Option(names = "--out", required = true, paramLabel = "<file.json>", description = "Where to write the scorecard.")
    Path out;

    @Option(names = "--id", paramLabel = "<id>", description = "Submission id in the scorecard (default: folder name).")
    String id;

    @Option(names = {"-q", "--quiet"}, description = "Do not print the summary.")
    boolean quiet;

    @Option(names = "--jobs", paramLabel = "<n>",
            description = "Exercises graded at once (default: number of CPUs). Verdicts do not depend on it.")
    Integer jobs;

    @Mixin
    JvmFlags jvm;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    CourseFlags course;

    @Override
    public Integer call() {
        Submissions.requireReadable(submission);
        requireWritable(out);
        Grader grader = Grader.of(course.course()).withJvm(jvm.options(spec.commandLine().getErr()))
                .withParallelism(jobs != null ? jobs : Runtime.getRuntime().availableProcessors());
        Scorecard scorecard = grader.grade(submission, id != null ? id : Submissions.idOf(submission), null, exercises);
        ScorecardJson.write(scorecard, out);
        if (!quiet) {
            spec.commandLine().getOut().print(ConsoleSummary.render(scorecard));
            spec.commandLine().getOut().println("Scorecard: " + out);
        }
        return 0;
    }

    /** Refuses an --out that cannot be written before any grading is spent on it. */
    private static void requireWritable(Path file) {
        Path folder = file.toAbsolutePath().getParent();
        try {
            Files.createDirectories(folder);
            Path probe = Files.createTempFile(folder, ".kata-write-check", ".tmp");
            Files.delete(probe);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("cannot write the scorecard to " + file + " (" + e.getMessage() + ")");
        }
        if (Files.isDirectory(file)) {
            throw new IllegalArgumentException("--out is a folder, not a file: " + file);
        }
    }
}
