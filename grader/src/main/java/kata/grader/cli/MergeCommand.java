package kata.grader.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import kata.grader.batch.Merge;
import kata.grader.batch.Row;
import kata.grader.batch.Summary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "merge", mixinStandardHelpOptions = true,
        description = {"Combine the output folders of batch runs (the shards of one class) into one:"
                + " scorecards, summary.csv, summary.json and report.html."})
final class MergeCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "<dir>", description = "Batch output folders, e.g. one per shard.")
    List<Path> folders;

    @Option(names = "--out", required = true, paramLabel = "<dir>", description = "Output folder.")
    Path out;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        List<Row> rows = Merge.run(folders, out, Clock.systemUTC());
        spec.commandLine().getOut().println("Merged " + folders.size() + " folders: " + rows.size() + " students.");
        spec.commandLine().getOut().println("Summary: " + out.resolve(Summary.CSV) + ", report: "
                + out.resolve(Summary.REPORT));
        return 0;
    }
}
