package kata.grader.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writes a file so that readers, and a run killed at any moment, see the old file or the whole
 * new one: a temporary file in the same folder ({@code .<name>*.partial}), then an atomic rename.
 */
public final class AtomicFile {

    private AtomicFile() {
    }

    /** @throws UncheckedIOException naming the file when it cannot be written */
    public static Path write(Path file, String text) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path temporary = Files.createTempFile(parent, "." + file.getFileName(), ".partial");
            try {
                Files.writeString(temporary, text, StandardCharsets.UTF_8);
                readableByAll(temporary);
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temporary);
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** Temporary files are private to their owner; results are ordinary files (rw-r--r--). */
    private static void readableByAll(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the default permissions are already ordinary
        }
    }
}
