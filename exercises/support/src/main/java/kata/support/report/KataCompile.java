package kata.support.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import kata.support.PublicApi;

/**
 * The first step of a kata in the student's {@code mvn verify}, in Maven's own JVM: compiles the
 * student's code as the grader does ({@code javac --release}, against the JDK alone) before the
 * checks' JVM starts, so that the kata agent sees the classes it is to instrument. A compile error
 * is left in {@link #ERRORS} for {@link KataRun}, which reports it; this step itself never fails the
 * build over it.
 *
 * <p>Arguments: the kata's folder, and the Java release to compile for.
 */
@PublicApi
public final class KataCompile {

    /** Why the student's code did not compile, with the compiler's first error; absent when it compiled. */
    static final String ERRORS = "target/kata-compile-errors.txt";

    private KataCompile() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: KataCompile <kata directory> <release>");
        }
        Path kata = Path.of(args[0]).toAbsolutePath().normalize();
        Path errors = kata.resolve(ERRORS);
        Files.deleteIfExists(errors);
        Optional<String> problem = Compilation.compile(kata, kata.resolve("src/main/java"), List.of(),
                kata.resolve("target/classes"), args[1], "Your code does not compile");
        // The checks' JVM loads from these folders; a class path folder missing when it starts is never read.
        Files.createDirectories(kata.resolve("target/classes"));
        Files.createDirectories(kata.resolve("target/test-classes"));
        if (problem.isPresent()) {
            Files.writeString(errors, problem.get(), StandardCharsets.UTF_8);
        }
    }

    /** What {@link #main} left for this kata: the compiler's first error, if its code did not compile. */
    static Optional<String> errors(Path kata) throws IOException {
        Path errors = kata.resolve(ERRORS);
        return Files.isRegularFile(errors) ? Optional.of(Files.readString(errors, StandardCharsets.UTF_8))
                : Optional.empty();
    }
}
