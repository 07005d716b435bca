package kata.grader.intake;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import kata.grader.intake.ArchiveException.Problem;
import org.apache.commons.compress.archivers.zip.UnixStat;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Zip intake refuses every hostile archive with a named problem and leaves nothing behind. */
class ArchivesTest {

    private static final String COUNTER = "package kata.race;\npublic class Counter { }\n";

    @TempDir
    Path dir;

    /** Builds a zip entry by entry, including entries no well-behaved zip tool would write. */
    private final class Zip implements AutoCloseable {
        final Path file;
        final ZipArchiveOutputStream out;

        Zip(String name) throws IOException {
            file = dir.resolve(name);
            out = new ZipArchiveOutputStream(file);
        }

        Zip file(String name, byte[] content) throws IOException {
            out.putArchiveEntry(new ZipArchiveEntry(name));
            out.write(content);
            out.closeArchiveEntry();
            return this;
        }

        Zip file(String name, String content) throws IOException {
            return file(name, content.getBytes(StandardCharsets.UTF_8));
        }

        Zip folder(String name) throws IOException {
            out.putArchiveEntry(new ZipArchiveEntry(name.endsWith("/") ? name : name + "/"));
            out.closeArchiveEntry();
            return this;
        }

        Zip link(String name, String target) throws IOException {
            ZipArchiveEntry entry = new ZipArchiveEntry(name);
            entry.setUnixMode(UnixStat.LINK_FLAG | 0777);
            out.putArchiveEntry(entry);
            out.write(target.getBytes(StandardCharsets.UTF_8));
            out.closeArchiveEntry();
            return this;
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }

    private ArchiveException refused(Path zip, Archives.Limits limits) {
        Path target = dir.resolve("out");
        ArchiveException refused = assertThrows(ArchiveException.class, () -> Archives.extract(zip, target, limits));
        assertFalse(Files.exists(target), "nothing of a refused archive is left behind");
        return refused;
    }

    private ArchiveException refused(Path zip) {
        return refused(zip, Archives.Limits.DEFAULT);
    }

    @Test
    void aStudentRepositoryIsExtractedWithItsFoldersAndFiles() throws IOException {
        Path zip;
        try (Zip z = new Zip("alice.zip")) {
            z.folder("fix-the-race/").folder("fix-the-race/src/main/java/kata/race/")
                    .file("fix-the-race/src/main/java/kata/race/Counter.java", COUNTER)
                    .file("README.md", "# mine\n");
            zip = z.file;
        }

        Archives.Extracted extracted = Archives.extract(zip, dir.resolve("out"), Archives.Limits.DEFAULT);

        assertEquals(2, extracted.files());
        assertEquals(COUNTER, Files.readString(dir.resolve("out/fix-the-race/src/main/java/kata/race/Counter.java")));
        assertEquals(COUNTER.length() + "# mine\n".length(), extracted.bytes());
    }

    @ParameterizedTest
    @ValueSource(strings = {"../evil.txt", "fix-the-race/../../evil.txt", "..\\evil.txt", "/tmp/evil.txt",
            "C:/evil.txt", "C:\\evil.txt"})
    void anEntryThatWouldLandOutsideTheTargetIsRefused(String name) throws IOException {
        Path zip;
        try (Zip z = new Zip("escape.zip")) {
            zip = z.file("ok.txt", "fine").file(name, "gotcha").file;
        }

        ArchiveException refused = refused(zip);

        assertEquals(Problem.UNSAFE_PATH, refused.problem());
        assertTrue(refused.getMessage().contains("evil.txt"), refused.getMessage());
        try (Stream<Path> files = Files.walk(dir)) {
            assertEquals(0, files.filter(f -> f.getFileName().toString().equals("evil.txt")).count());
        }
        assertFalse(Files.exists(Path.of("/tmp/evil.txt")) && readsGotcha(Path.of("/tmp/evil.txt")));
    }

    private static boolean readsGotcha(Path file) throws IOException {
        return Files.readString(file).equals("gotcha");
    }

    @Test
    void aSymbolicLinkIsRefusedAndNeverFollowed() throws IOException {
        Path zip;
        try (Zip z = new Zip("link.zip")) {
            zip = z.link("fix-the-race", "/etc").file("fix-the-race/passwd", "overwritten").file;
        }

        ArchiveException refused = refused(zip);

        assertEquals(Problem.LINK, refused.problem());
        assertTrue(refused.getMessage().contains("'fix-the-race' is a symbolic link"), refused.getMessage());
    }

    @Test
    void aDuplicateEntryIsRefusedRatherThanOverwritten() throws IOException {
        Path zip;
        try (Zip z = new Zip("twice.zip")) {
            zip = z.file("a/Counter.java", COUNTER).file("a/Counter.java", "class Other {}").file;
        }

        assertEquals(Problem.DUPLICATE_ENTRY, refused(zip).problem());
    }

    @Test
    void aFileWhereAFolderMustBeIsRefused() throws IOException {
        Path zip;
        try (Zip z = new Zip("clash.zip")) {
            zip = z.file("src", "a file").file("src/Counter.java", COUNTER).file;
        }

        assertEquals(Problem.DUPLICATE_ENTRY, refused(zip).problem());
    }

    @Test
    void moreEntriesThanAllowedAreRefusedBeforeAnyIsRead() throws IOException {
        Path zip;
        try (Zip z = new Zip("many.zip")) {
            for (int i = 0; i < 11; i++) {
                z.file("f" + i + ".txt", "x");
            }
            zip = z.file;
        }

        ArchiveException refused = refused(zip, new Archives.Limits(1 << 20, 10, 1 << 20, 1 << 20, 100));

        assertEquals(Problem.TOO_MANY_ENTRIES, refused.problem());
        assertTrue(refused.getMessage().contains("11 entries; at most 10"), refused.getMessage());
    }

    @Test
    void aZipBombIsStoppedByTheCompressionRatio() throws IOException {
        Path zip;
        try (Zip z = new Zip("bomb.zip")) {
            zip = z.file("zeros.bin", new byte[8 << 20]).file;
        }
        assertTrue(Files.size(zip) < 64 * 1024, "8 MiB of zeros deflate to a few KiB");

        ArchiveException refused = refused(zip);

        assertEquals(Problem.COMPRESSION_RATIO, refused.problem());
    }

    @Test
    void theUnpackedSizeIsCountedAsTheBytesComeOut() throws IOException {
        byte[] noise = new byte[300_000];
        new java.util.Random(7).nextBytes(noise);
        Path zip;
        try (Zip z = new Zip("big.zip")) {
            zip = z.file("a.bin", noise).file("b.bin", noise).file;
        }

        ArchiveException entry = refused(zip, new Archives.Limits(1 << 20, 10, 200_000, 1 << 20, 100));
        ArchiveException total = refused(zip, new Archives.Limits(1 << 20, 10, 1 << 20, 500_000, 100));

        assertEquals(Problem.TOO_LARGE, entry.problem());
        assertTrue(entry.getMessage().contains("'a.bin' unpacks to more than 200000 bytes"), entry.getMessage());
        assertEquals(Problem.TOO_LARGE, total.problem());
        assertTrue(total.getMessage().contains("more than 500000 bytes (at entry 'b.bin')"), total.getMessage());
    }

    @Test
    void anArchiveLargerThanAllowedIsRefusedUnread() throws IOException {
        Path zip;
        try (Zip z = new Zip("large.zip")) {
            zip = z.file("a.txt", "x".repeat(5000)).file;
        }

        assertEquals(Problem.TOO_LARGE, refused(zip, new Archives.Limits(10, 10, 1 << 20, 1 << 20, 100)).problem());
    }

    @Test
    void somethingThatIsNotAZipIsReportedAsCorrupt() throws IOException {
        Path zip = Files.writeString(dir.resolve("homework.zip"), "these are not the bytes of a zip");

        ArchiveException refused = refused(zip);

        assertEquals(Problem.CORRUPT, refused.problem());
        assertTrue(refused.getMessage().startsWith("homework.zip is not a readable zip archive"),
                refused.getMessage());
    }

    @Test
    void aTruncatedZipIsReportedAsCorrupt() throws IOException {
        Path zip;
        try (Zip z = new Zip("cut.zip")) {
            zip = z.file("Counter.java", COUNTER.repeat(50)).file;
        }
        byte[] bytes = Files.readAllBytes(zip);
        Files.write(zip, Arrays.copyOf(bytes, bytes.length / 2));

        assertEquals(Problem.CORRUPT, refused(zip).problem());
    }

    @Test
    void aDamagedEntryIsCaughtByItsChecksum() throws IOException {
        Path zip = dir.resolve("damaged.zip");
        try (ZipArchiveOutputStream out = new ZipArchiveOutputStream(zip)) {
            out.setMethod(ZipArchiveOutputStream.STORED);
            ZipArchiveEntry entry = new ZipArchiveEntry("Counter.java");
            byte[] content = COUNTER.getBytes(StandardCharsets.UTF_8);
            java.util.zip.CRC32 crc = new java.util.zip.CRC32();
            crc.update(content);
            entry.setSize(content.length);
            entry.setCrc(crc.getValue());
            out.putArchiveEntry(entry);
            out.write(content);
            out.closeArchiveEntry();
        }
        byte[] bytes = Files.readAllBytes(zip);
        int at = indexOf(bytes, "public class".getBytes(StandardCharsets.UTF_8));
        bytes[at] = 'P';
        Files.write(zip, bytes);

        ArchiveException refused = refused(zip);

        assertEquals(Problem.CORRUPT, refused.problem());
        assertTrue(refused.getMessage().contains("checksum"), refused.getMessage());
    }

    @Test
    void extractingIntoAFolderThatHoldsFilesIsRefusedAndLeavesThem() throws IOException {
        Path zip;
        try (Zip z = new Zip("ok.zip")) {
            zip = z.file("a.txt", "a").file;
        }
        Path target = Files.createDirectories(dir.resolve("busy"));
        Files.writeString(target.resolve("keep.txt"), "mine");

        assertThrows(IOException.class, () -> Archives.extract(zip, target, Archives.Limits.DEFAULT));

        assertArrayEquals("mine".getBytes(StandardCharsets.UTF_8), Files.readAllBytes(target.resolve("keep.txt")));
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("not found");
    }
}
