package kata.grader.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import kata.grader.Grader;
import kata.grader.course.Course;
import kata.grader.course.Resources;
import kata.grader.scorecards.ScorecardJson;
import kata.grader.report.ConsoleSummary;
import kata.support.score.Scorecard;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Grade the sample submissions shipped with the grader (a correct one, a racy one, a"
                + " deadlocking one, one that does not compile) and print their scorecards."})
final class DemoCommand implements Callable<Integer> {

    private static final List<String> ORDER = List.of("correct", "racy", "deadlocking", "does-not-compile");

    @Option(names = "--out", paramLabel = "<dir>", defaultValue = "demo-scorecards",
            description = "Where to write the scorecards (default: ${DEFAULT-VALUE}).")
    Path out;

    @Mixin
    JvmFlags jvm;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        Grader grader = Grader.of(Course.shipped()).withJvm(jvm.options(spec.commandLine().getErr()))
                .withParallelism(Runtime.getRuntime().availableProcessors());
        Files.createDirectories(out);
        for (Path sample : samples()) {
            Scorecard scorecard = grader.grade(sample);
            ScorecardJson.write(scorecard, out.resolve(scorecard.submissionId() + ".json"));
            spec.commandLine().getOut().println(ConsoleSummary.render(scorecard));
        }
        spec.commandLine().getOut().println("Scorecards written to " + out.toAbsolutePath());
        return 0;
    }

    private static List<Path> samples() {
        Path root = Resources.folder("kata-samples");
        try (Stream<Path> dirs = Files.list(root)) {
            return dirs.filter(Files::isDirectory)
                    .sorted(Comparator.comparingInt((Path p) -> rank(p.getFileName().toString()))
                            .thenComparing(Path::getFileName))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int rank(String name) {
        int index = ORDER.indexOf(name);
        return index < 0 ? ORDER.size() : index;
    }
}
