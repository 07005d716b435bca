package kata.grader.batch;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import kata.grader.Fixtures;
import kata.grader.files.FileTree;

/** Builds submissions folders for batch tests from the fixture submissions. */
final class Submissions {

    private Submissions() {
    }

    /** Copies fixture submission {@code fixture} to {@code <folder>/<entry>/}. */
    static Path folder(Path folder, String entry, String fixture) throws IOException {
        Path target = folder.resolve(entry);
        FileTree.copyTree(Fixtures.submission(fixture), target);
        return target;
    }

    /** Zips fixture submission {@code fixture}, wrapped in one folder as GitHub's "Download ZIP" does. */
    static Path zip(Path folder, String entry, String fixture) throws IOException {
        Path source = Fixtures.submission(fixture);
        Path zip = folder.resolve(entry + ".zip");
        Files.createDirectories(folder);
        try (OutputStream file = Files.newOutputStream(zip); ZipOutputStream out = new ZipOutputStream(file);
             Stream<Path> walk = Files.walk(source)) {
            for (Path path : walk.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(new ZipEntry("repo-main/" + source.relativize(path).toString().replace('\\', '/')));
                out.write(Files.readAllBytes(path));
                out.closeEntry();
            }
        }
        return zip;
    }

    static Path corrupt(Path folder, String entry) throws IOException {
        Files.createDirectories(folder);
        return Files.writeString(folder.resolve(entry + ".zip"), "this is not a zip");
    }

    static Path roster(Path dir, List<String> lines) throws IOException {
        return Files.write(dir.resolve("roster.csv"), lines);
    }
}
