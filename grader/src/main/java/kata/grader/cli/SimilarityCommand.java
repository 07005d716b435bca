package kata.grader.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import kata.grader.batch.SimilarityRun;
import kata.grader.classresults.ClassFolder;
import kata.grader.classresults.ClassResults;
import kata.grader.classresults.Similarity;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "similarity", mixinStandardHelpOptions = true,
        description = {"Check a graded class for copied code again (batch and merge do it already), say with"
                + " another --similarity threshold: per kata, with JPlag, the stub's code not counted. Rewrites"
                + " similarity.json and report.html in the folder."})
final class SimilarityCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "<dir>", description = "A batch or merge output folder.")
    Path folder;

    @Mixin
    SimilarityFlags similarity;

    @Mixin
    CourseFlags course;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        kata.grader.similarity.SimilarityCheck.Settings settings = similarity.settings();
        if (settings == null) {
            throw new IllegalArgumentException("--no-similarity makes no sense here");
        }
        double threshold = settings.threshold();
        ClassResults results = SimilarityRun.again(course.course(), folder, settings);
        Similarity check = results.similarity();
        var out = spec.commandLine().getOut();
        check.notes().forEach(note -> spec.commandLine().getErr().println("warning: " + note));
        out.println(check.pairs().size() + " pairs at or above " + Math.round(100 * threshold) + "%.");
        check.pairs().forEach(p -> out.println(String.format(java.util.Locale.ROOT, "  %3d%%  %s: %s and %s",
                Math.round(100 * p.similarity()), p.kata(), p.first(), p.second())));
        out.println("Report: " + folder.resolve(ClassFolder.REPORT));
        return 0;
    }
}
