package kata.grader.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import kata.grader.course.Course;
import kata.grader.publish.Publisher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "publish", mixinStandardHelpOptions = true,
        description = {"Write the repository students clone: every kata's README, starting code and public"
                + " checks, the support library, a root pom that builds them all and prints a summary,"
                + " and a student README. No solutions, no hidden checks, nothing of the grader.",
                "The target directory must be new or empty."})
final class PublishCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "<target-dir>", description = "Where to write the student repository.")
    Path target;

    @Mixin
    CourseFlags course;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Course published = course.course();
        Publisher.publish(published, target);
        spec.commandLine().getOut().println("Published " + published.exercises().size() + " katas to "
                + target.toAbsolutePath() + ". Students start with its README.md; `mvn verify` runs every"
                + " kata's public checks.");
        return 0;
    }
}
