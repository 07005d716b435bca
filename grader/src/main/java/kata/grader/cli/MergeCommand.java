package kata.grader.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import kata.grader.batch.Merge;
import kata.grader.classresults.ClassFolder;
import kata.grader.classresults.ClassResults;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "merge", mixinStandardHelpOptions = true,
        description = {"Combine the output folders of batch runs (the shards of one class) into one: scorecards,"
                + " kept sources, summary.csv, summary.json, a similarity check over the whole class, and"
                + " report.html."})
final class MergeCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "<dir>", description = "Batch output folders, e.g. one per shard.")
    List<Path> folders;

    @Option(names = "--out", required = true, paramLabel = "<dir>", description = "Output folder.")
    Path out;

    @Mixin
    SimilarityFlags similarity;

    @Mixin
    CourseFlags course;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        ClassResults merged = Merge.run(folders, out, course.course(), similarity.settings(), Clock.systemUTC());
        spec.commandLine().getOut().println("Merged " + folders.size() + " folders. " + merged.counts().sentence());
        spec.commandLine().getOut().println("Summary: " + out.resolve(ClassFolder.SUMMARY_CSV) + ", report: "
                + out.resolve(ClassFolder.REPORT));
        return 0;
    }
}
