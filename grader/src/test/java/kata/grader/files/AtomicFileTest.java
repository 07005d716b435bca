package kata.grader.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileTest {

    @Test
    void aWriteReplacesTheWholeFileAndLeavesNoTemporaryFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("card.json");
        AtomicFile.write(file, "old");

        AtomicFile.write(file, "new");

        assertEquals("new", Files.readString(file));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList());
        }
    }

    @Test
    void aWriteThatFailsNamesTheFileAndTheReason(@TempDir Path dir) throws IOException {
        Path notAFolder = Files.writeString(dir.resolve("scorecards"), "a file where a folder should be");

        AtomicFile.WriteFailed failed = assertThrows(AtomicFile.WriteFailed.class,
                () -> AtomicFile.write(notAFolder.resolve("alice.json"), "{}"));

        assertTrue(failed.getMessage().startsWith("cannot write " + notAFolder.resolve("alice.json") + ": "),
                failed.getMessage());
        assertEquals("a file where a folder should be", Files.readString(notAFolder));
    }

    @Test
    void aFullDiskOrQuotaIsRecognisedThroughWrappingButOtherFailuresAreNot() {
        FileSystemException full = new FileSystemException("/out/a.json", null, "No space left on device");
        IOException quota = new IOException("Disk quota exceeded");

        assertTrue(AtomicFile.isOutOfSpace(full));
        assertTrue(AtomicFile.isOutOfSpace(new UncheckedIOException("cannot extract", quota)));
        assertTrue(AtomicFile.isOutOfSpace(new IllegalStateException(new UncheckedIOException(full))));
        assertFalse(AtomicFile.isOutOfSpace(new FileSystemException("/out/a.json", null, "Permission denied")));
        assertFalse(AtomicFile.isOutOfSpace(new IllegalStateException("No space left on device")),
                "only the system's own I/O failures say it");
    }
}
