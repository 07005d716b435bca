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

    /** A result that could not be written, and the system's reason ("No space left on device"). */
    public static final class WriteFailed extends UncheckedIOException {
        private static final long serialVersionUID = 1L;

        public WriteFailed(String message, IOException cause) {
            super(message, cause);
        }
    }

    /** @throws WriteFailed naming the file and the reason when it cannot be written */
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
            throw new WriteFailed("cannot write " + file + ": " + reason(e), e);
        }
    }

    private static String reason(IOException e) {
        if (e instanceof java.nio.file.FileSystemException failed && failed.getReason() != null) {
            return failed.getReason();
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    /**
     * Whether this failure, or one it was caused by, is a full disk or quota: nothing more can be
     * written anywhere on that disk, so a batch stops rather than fail every entry after it.
     */
    public static boolean isOutOfSpace(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            String message = cause instanceof java.nio.file.FileSystemException fs && fs.getReason() != null
                    ? fs.getReason() : cause.getMessage();
            if (cause instanceof IOException && message != null
                    && (message.contains("No space left on device") || message.contains("Disk quota exceeded"))) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
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
