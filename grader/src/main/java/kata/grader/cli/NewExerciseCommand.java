package kata.grader.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import kata.grader.authoring.NewExercise;
import kata.grader.course.Course;
import kata.grader.course.TestRuntime;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "new-exercise", mixinStandardHelpOptions = true,
        description = {"Create a new kata in the course repository from templates/exercise: README, stub,"
                + " public checks, a hidden check and a rule, a reference and three known-wrong solutions,"
                + " all of which the self-check accepts at once. Then make it your own; templates/README.md"
                + " explains how."})
final class NewExerciseCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "<slug>", description = "The kata's folder name, e.g. tally-up.")
    String slug;

    @Option(names = "--title", paramLabel = "<title>", description = "Its title (default: from the slug).")
    String title;

    @Option(names = "--course", paramLabel = "<dir>", defaultValue = ".",
            description = "The course repository (default: the current directory).")
    Path root;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (!Files.isDirectory(root.resolve("grader/specs")) || !Files.isDirectory(root.resolve("exercises"))) {
            throw new IllegalArgumentException("not a course repository (needs exercises/ and grader/specs/): "
                    + root.toAbsolutePath());
        }
        NewExercise.Created created = NewExercise.create(Course.load(root, TestRuntime.shipped()), slug, title);
        var out = spec.commandLine().getOut();
        out.println("Created kata " + created.slug() + " (package " + created.javaPackage() + "):");
        created.files().forEach(file -> out.println("  " + root.toAbsolutePath().normalize()
                .relativize(file.toAbsolutePath().normalize())));
        out.println("Added to exercises/pom.xml and exercises/README.md. Check it now, then make it yours:");
        out.println("  java -jar grader/target/grader.jar selfcheck --exercise " + created.slug());
        return 0;
    }
}
