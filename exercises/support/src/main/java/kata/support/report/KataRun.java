package kata.support.report;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClasspathRoots;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import kata.support.PublicApi;
import kata.support.score.ExerciseResult;
import kata.support.score.Scoring;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * One kata in the student's {@code mvn verify}, in a JVM started with the kata agent after
 * {@link KataCompile} compiled the student's code: compiles the public checks against that code,
 * runs them, scores them with the grader's policy, writes {@code target/scorecard.json} and prints
 * the kata's report.
 *
 * <p>Every run writes a fresh scorecard, whatever happens: a kata that does not compile scores 0
 * with the compiler's first error, and its maximum stays the one the course gives it. The exit
 * status is 0 whenever the checks could be judged, passed or not: the report is the verdict, and
 * nothing Maven prints about a failed build comes after it.
 *
 * <p>Arguments: the kata's folder, and the Java release to compile the checks for.
 */
@PublicApi
public final class KataRun {

    private KataRun() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: KataRun <kata directory> <release>");
            System.exit(2);
        }
        Path kata = Path.of(args[0]).toAbsolutePath().normalize();
        KataDescription description = KataDescription.of(kata);
        ExerciseResult result = run(kata, description, args[1]);
        Scorecards.write(Scorecards.of(List.of(result)), kata.resolve("target").resolve(Scorecards.FILE));
        System.out.print(Report.kata(result, description.hiddenPoints()));
        System.out.flush();
        // Student code may have left threads running; they must not keep the build waiting.
        System.exit(0);
    }

    static ExerciseResult run(Path kata, KataDescription description, String release) throws IOException {
        long start = System.nanoTime();
        Path classes = kata.resolve("target/classes");
        Path testClasses = kata.resolve("target/test-classes");
        Optional<String> mainError = KataCompile.errors(kata);
        if (mainError.isPresent()) {
            return error(description, mainError.get(), start);
        }
        List<Path> classpath = new ArrayList<>(List.of(classes));
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path path = Path.of(entry);
            if (!path.equals(testClasses) && !path.equals(classes) && Files.exists(path)) {
                classpath.add(path);
            }
        }
        Optional<String> testError = Compilation.compile(kata, kata.resolve("src/test/java"), classpath, testClasses,
                release, "The public checks do not compile against your code (keep the packages, class names and"
                        + " method signatures of the starting code)");
        if (testError.isPresent()) {
            return error(description, testError.get(), start);
        }
        // Pages of an earlier run's failing schedules would describe code that has changed since.
        Path pages = kata.resolve("target").resolve(InterleavingPage.FOLDER);
        if (Files.isDirectory(pages)) {
            try (var old = Files.list(pages)) {
                for (Path page : old.toList()) {
                    Files.deleteIfExists(page);
                }
            }
        }
        CheckRecorder recorder = new CheckRecorder(kata.resolve("target"));
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClasspathRoots(Set.of(testClasses))).build();
        LauncherFactory.create().execute(request, recorder);
        return Scoring.scored(description.slug(), description.title(),
                description.checks().isEmpty() ? recorder.seen() : description.checks(), recorder.outcomes(),
                millisSince(start));
    }

    private static ExerciseResult error(KataDescription description, String message, long start) {
        return Scoring.error(description.slug(), description.title(), description.checks(), message,
                millisSince(start));
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
