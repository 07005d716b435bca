package kata.grader.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import kata.grader.Grader;
import kata.grader.course.Course;
import kata.grader.course.TestRuntime;
import kata.grader.selfcheck.Candidate;
import kata.grader.selfcheck.SelfCheck;
import kata.grader.selfcheck.Verdict;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "selfcheck", mixinStandardHelpOptions = true,
        description = {"Prove the verdicts: grade every exercise's reference and correct solutions (must get full"
                + " marks), stub (must get 0) and known-wrong solutions (must fail exactly the checks their"
                + " expected.json names), N times on all CPUs (every third with the student code C2-compiled early)"
                + " and once on one CPU.",
                "Run it in the course repository, which holds solutions/."})
final class SelfCheckCommand implements Callable<Integer> {

    @Option(names = "--repeat", paramLabel = "<n>", defaultValue = "3",
            description = "Gradings per solution on all CPUs (default: ${DEFAULT-VALUE}); one more runs on one CPU.")
    int repeat;

    @Option(names = "--exercise", paramLabel = "<slug>", description = "Only this exercise (repeatable).")
    List<String> exercises = new ArrayList<>();

    @Option(names = "--candidate", paramLabel = "<glob>",
            description = "Only candidates whose name matches (repeatable), e.g. 'correct/*' or 'wrong/notify*'.")
    List<String> candidateGlobs = new ArrayList<>();

    @Option(names = "--course", paramLabel = "<dir>", defaultValue = ".",
            description = "The course repository (default: the current directory).")
    Path root;

    @Option(names = "--jobs", paramLabel = "<n>", description = "Gradings at a time (default: number of CPUs).")
    Integer jobs;

    @Mixin
    JvmFlags jvm;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (repeat < 1) {
            throw new IllegalArgumentException("--repeat must be at least 1");
        }
        if (!Files.isDirectory(root.resolve("solutions")) || !Files.isDirectory(root.resolve("grader/specs"))) {
            throw new IllegalArgumentException("not a course repository (needs solutions/ and grader/specs/): "
                    + root.toAbsolutePath());
        }
        Course course = Course.load(root, TestRuntime.shipped());
        for (String slug : exercises) {
            course.find(slug).orElseThrow(() -> new IllegalArgumentException("unknown exercise '" + slug + "'"));
        }
        List<Candidate> candidates = SelfCheck.candidates(course, root.resolve("solutions"), exercises).stream()
                .filter(candidate -> candidateGlobs.isEmpty() || candidateGlobs.stream().anyMatch(glob ->
                        java.nio.file.FileSystems.getDefault().getPathMatcher("glob:" + glob)
                                .matches(Path.of(candidate.name()))))
                .toList();
        List<String> unknown = SelfCheck.unknownChecks(course, candidates);
        unknown.forEach(spec.commandLine().getOut()::println);
        int parallel = jobs != null ? jobs : Runtime.getRuntime().availableProcessors();
        List<Verdict> verdicts = SelfCheck.run(Grader.of(course), candidates,
                SelfCheck.runs(jvm.options(spec.commandLine().getErr()), repeat), parallel);
        spec.commandLine().getOut().print(SelfCheck.table(verdicts));
        long wrong = verdicts.stream().filter(v -> !v.ok()).count();
        for (Verdict verdict : verdicts) {
            for (String problem : verdict.problems()) {
                spec.commandLine().getOut().println("WRONG VERDICT " + verdict.candidate().slug() + " " + verdict.candidate().name()
                        + " [" + verdict.run() + "]: " + problem);
            }
        }
        spec.commandLine().getOut().println(verdicts.size() + " gradings, " + wrong + " wrong verdicts.");
        return wrong == 0 && unknown.isEmpty() ? 0 : 1;
    }
}
