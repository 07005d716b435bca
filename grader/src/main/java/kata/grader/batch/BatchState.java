package kata.grader.batch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import kata.grader.files.AtomicFile;

/**
 * Per entry, the fingerprint of what its scorecard was graded from, in
 * {@code <out>/.state/<entry>.done}. Written atomically, and only after the scorecard.
 */
final class BatchState {

    private BatchState() {
    }

    private static Path file(Path out, String entry) {
        return out.resolve(Batch.STATE).resolve(entry + ".done");
    }

    static boolean matches(Path out, String entry, String fingerprint) {
        try {
            Path file = file(out, entry);
            return Files.isRegularFile(file) && Files.readString(file).strip().equals(fingerprint);
        } catch (IOException e) {
            return false;
        }
    }

    static void write(Path out, String entry, String fingerprint) {
        AtomicFile.write(file(out, entry), fingerprint + "\n");
    }

    static void forget(Path out, String entry) {
        try {
            Files.deleteIfExists(file(out, entry));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
