package kata.grader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import kata.grader.files.FileTree;
import org.apache.maven.shared.invoker.DefaultInvocationRequest;
import org.apache.maven.shared.invoker.DefaultInvoker;
import org.apache.maven.shared.invoker.InvocationRequest;
import org.apache.maven.shared.invoker.InvocationResult;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a student sees: in a copy of the student repository, {@code mvn verify} on a kata's stub
 * fails with the public checks' messages, and passes once the reference solution is in place.
 */
class StudentFlowIT {

    static final Path ROOT = Path.of(System.getProperty("kata.course.root")).toAbsolutePath().normalize();

    private record Kata(String slug, String stubMessage) {
    }

    @TestFactory
    Stream<DynamicTest> aStubFailsWithItsMessagesAndTheReferencePasses(@TempDir Path work) {
        return Stream.of(
                new Kata("fix-the-race", "Counter.increment() is not written yet"),
                new Kata("break-the-deadlock", "Bank.transfer(from, to, amount) is not written yet"))
                .map(kata -> DynamicTest.dynamicTest(kata.slug(), () -> {
                    Path repository = studentRepository(work.resolve(kata.slug()));

                    Maven stub = mvn(repository, kata.slug());
                    assertTrue(stub.status() != 0, "the stub must fail its public checks");
                    assertTrue(stub.log().contains(kata.stubMessage()), "stub output shows: " + kata.stubMessage());

                    FileTree.copyTree(ROOT.resolve("solutions").resolve(kata.slug()).resolve("src/main/java"),
                            repository.resolve(kata.slug()).resolve("src/main/java"));
                    Maven solved = mvn(repository, kata.slug());
                    assertEquals(0, solved.status(), solved.log());
                    assertTrue(solved.log().contains("Tests run:") && solved.log().contains("Failures: 0"),
                            solved.log());
                }));
    }

    /** The student repository as students get it: exercises/, without the support library's own tests. */
    private static Path studentRepository(Path target) throws Exception {
        FileTree.copyTree(ROOT.resolve("exercises"), target);
        try (Stream<Path> dirs = Files.walk(target)) {
            dirs.filter(d -> d.getFileName().toString().equals("target")).toList().forEach(FileTree::deleteRecursively);
        }
        FileTree.deleteRecursively(target.resolve("support/src/test"));
        return target;
    }

    private record Maven(int status, String log) {
    }

    private static Maven mvn(Path repository, String kata) throws Exception {
        StringBuilder log = new StringBuilder();
        InvocationRequest request = new DefaultInvocationRequest()
                .setBaseDirectory(repository.toFile())
                .setGoals(List.of("verify"))
                .addArgs(List.of("-pl", kata, "-am"))
                .setBatchMode(true)
                .setOutputHandler(line -> log.append(line).append('\n'))
                .setErrorHandler(line -> log.append(line).append('\n'));
        DefaultInvoker invoker = new DefaultInvoker();
        invoker.setMavenHome(new File(System.getProperty("maven.home")));
        InvocationResult result = invoker.execute(request);
        return new Maven(result.getExitCode(), log.toString());
    }
}
