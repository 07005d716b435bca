package kata.grader.intake;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import kata.grader.files.FileTree;
import kata.grader.intake.ArchiveException.Problem;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * Extracts zip archives that may be hostile. Names are checked before anything is written (no
 * {@code ../}, absolute paths, drive letters or NUL), links are refused, every entry is created
 * new (a duplicate or a name clash is an error, never an overwrite), and sizes are counted as the
 * bytes actually come out, not as the archive declares them. On any problem the target is
 * removed and an {@link ArchiveException} names the problem and the entry.
 *
 * <pre>{@code
 * Archives.extract(Path.of("alice.zip"), work.resolve("alice"), Archives.Limits.DEFAULT);
 * }</pre>
 */
public final class Archives {

    /**
     * How much an archive may hold.
     *
     * @param maxArchiveBytes  size of the zip file itself; also bounds the memory its directory takes
     * @param maxEntries       files and folders in it
     * @param maxEntryBytes    unpacked size of one file
     * @param maxTotalBytes    unpacked size of all files together
     * @param maxRatio         unpacked size over compressed size of one entry, checked once the
     *                         entry has unpacked more than {@link #RATIO_FLOOR_BYTES} (small
     *                         repetitive files compress well and harm nothing)
     */
    public record Limits(long maxArchiveBytes, int maxEntries, long maxEntryBytes, long maxTotalBytes,
                         int maxRatio) {

        /** Generous for a student's repository of Java sources; far below what could hurt a grader. */
        public static final Limits DEFAULT = new Limits(50L << 20, 5_000, 10L << 20, 100L << 20, 200);

        public Limits {
            if (maxArchiveBytes < 1 || maxEntries < 1 || maxEntryBytes < 1 || maxTotalBytes < 1 || maxRatio < 1) {
                throw new IllegalArgumentException("archive limits must be positive");
            }
        }
    }

    /**
     * What was extracted.
     *
     * @param target the directory the entries went into
     * @param files  regular files written
     * @param bytes  their total size
     */
    public record Extracted(Path target, int files, long bytes) {
    }

    /** Entries smaller than this are not held to the compression-ratio limit. */
    public static final long RATIO_FLOOR_BYTES = 1L << 20;

    private static final int END_OF_DIRECTORY = 0x06054b50;
    private static final int END_OF_DIRECTORY_SIZE = 22;

    private Archives() {
    }

    /**
     * Extracts the zip into {@code target}, which must not exist yet or be an empty directory.
     *
     * @throws ArchiveException when the archive is refused; the target is then removed
     * @throws IOException      when the zip cannot be read or the target cannot be written
     */
    public static Extracted extract(Path zip, Path target, Limits limits) throws IOException {
        requireEmptyOrAbsent(target);
        Files.createDirectories(target);
        try {
            return extractInto(zip, target.toRealPath(), limits);
        } catch (IOException | RuntimeException e) {
            FileTree.deleteRecursively(target);
            throw e;
        }
    }

    private static Extracted extractInto(Path zip, Path target, Limits limits) throws IOException {
        long size = Files.size(zip);
        if (size > limits.maxArchiveBytes()) {
            throw new ArchiveException(Problem.TOO_LARGE, zip.getFileName() + " is " + size + " bytes; at most "
                    + limits.maxArchiveBytes() + " are accepted");
        }
        int declared = declaredEntries(zip);
        if (declared > limits.maxEntries()) {
            throw tooMany(zip, declared, limits);
        }
        try (ZipFile archive = open(zip)) {
            List<ZipArchiveEntry> entries = Collections.list(archive.getEntriesInPhysicalOrder());
            if (entries.size() > limits.maxEntries()) {
                throw tooMany(zip, entries.size(), limits);
            }
            Set<String> seen = new HashSet<>();
            List<Path> destinations = new ArrayList<>();
            for (ZipArchiveEntry entry : entries) {
                destinations.add(destination(target, entry, seen));
            }
            int files = 0;
            long total = 0;
            for (int i = 0; i < entries.size(); i++) {
                ZipArchiveEntry entry = entries.get(i);
                Path destination = destinations.get(i);
                if (entry.isDirectory()) {
                    createDirectory(destination, entry);
                    continue;
                }
                total += write(archive, entry, destination, limits, limits.maxTotalBytes() - total);
                files++;
            }
            return new Extracted(target, files, total);
        }
    }

    private static ZipFile open(Path zip) throws ArchiveException {
        try {
            return ZipFile.builder().setPath(zip).get();
        } catch (IOException | RuntimeException e) {
            throw new ArchiveException(Problem.CORRUPT, zip.getFileName() + " is not a readable zip archive ("
                    + e.getMessage() + ")", e);
        }
    }

    /** Checks an entry's name and kind before anything is written. */
    private static Path destination(Path target, ZipArchiveEntry entry, Set<String> seen) throws ArchiveException {
        String raw = entry.getName();
        String name = raw.replace('\\', '/');
        if (name.isEmpty() || name.indexOf('\0') >= 0 || name.startsWith("/") || name.matches("^[A-Za-z]:.*")) {
            throw new ArchiveException(Problem.UNSAFE_PATH, "entry '" + printable(raw) + "' has an absolute or"
                    + " invalid path");
        }
        for (String part : name.split("/")) {
            if (part.equals("..")) {
                throw new ArchiveException(Problem.UNSAFE_PATH, "entry '" + printable(raw) + "' climbs out of the"
                        + " archive's folder with '..'");
            }
        }
        if (entry.isUnixSymlink()) {
            throw new ArchiveException(Problem.LINK, "entry '" + printable(raw) + "' is a symbolic link; archives"
                    + " with links are refused");
        }
        Path destination = target.resolve(name).normalize();
        if (!destination.startsWith(target) || destination.equals(target) && !entry.isDirectory()) {
            throw new ArchiveException(Problem.UNSAFE_PATH, "entry '" + printable(raw) + "' lands outside the"
                    + " target folder");
        }
        String key = target.relativize(destination).toString();
        if (!key.isEmpty() && !seen.add(key + (entry.isDirectory() ? "/" : ""))) {
            throw new ArchiveException(Problem.DUPLICATE_ENTRY, "entry '" + printable(raw) + "' appears twice");
        }
        return destination;
    }

    private static void createDirectory(Path destination, ZipArchiveEntry entry) throws ArchiveException {
        try {
            Files.createDirectories(destination);
        } catch (IOException e) {
            throw new ArchiveException(Problem.DUPLICATE_ENTRY, "folder '" + printable(entry.getName())
                    + "' clashes with a file of the same name", e);
        }
    }

    /** Writes one file, counting what actually comes out; returns its size. */
    private static long write(ZipFile archive, ZipArchiveEntry entry, Path destination, Limits limits,
                              long totalLeft) throws IOException {
        String name = printable(entry.getName());
        if (!archive.canReadEntryData(entry)) {
            throw new ArchiveException(Problem.UNSUPPORTED, "entry '" + name + "' is encrypted or uses an"
                    + " unsupported compression method");
        }
        try {
            Files.createDirectories(destination.getParent());
        } catch (IOException e) {
            throw new ArchiveException(Problem.DUPLICATE_ENTRY, "entry '" + name + "' needs a folder where the"
                    + " archive has a file", e);
        }
        long compressed = Math.max(1, entry.getCompressedSize());
        long written = 0;
        CRC32 crc = new CRC32();
        try (InputStream in = new CheckedInputStream(data(archive, entry, name), crc);
             OutputStream out = Files.newOutputStream(destination, StandardOpenOption.CREATE_NEW,
                     StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
            byte[] buffer = new byte[64 * 1024];
            int read;
            while ((read = read(in, buffer, name)) != -1) {
                written += read;
                if (written > limits.maxEntryBytes()) {
                    throw new ArchiveException(Problem.TOO_LARGE, "entry '" + name + "' unpacks to more than "
                            + limits.maxEntryBytes() + " bytes");
                }
                if (written > totalLeft) {
                    throw new ArchiveException(Problem.TOO_LARGE, "the archive unpacks to more than "
                            + limits.maxTotalBytes() + " bytes (at entry '" + name + "')");
                }
                if (written > RATIO_FLOOR_BYTES && written / compressed > limits.maxRatio()) {
                    throw new ArchiveException(Problem.COMPRESSION_RATIO, "entry '" + name + "' unpacks to more"
                            + " than " + limits.maxRatio() + " times its compressed size");
                }
                out.write(buffer, 0, read);
            }
        } catch (FileAlreadyExistsException e) {
            throw new ArchiveException(Problem.DUPLICATE_ENTRY, "entry '" + name + "' appears twice", e);
        }
        if (entry.getCrc() != -1 && crc.getValue() != entry.getCrc()) {
            throw new ArchiveException(Problem.CORRUPT, "entry '" + name + "' is damaged (checksum mismatch)");
        }
        return written;
    }

    private static InputStream data(ZipFile archive, ZipArchiveEntry entry, String name) throws ArchiveException {
        try {
            return archive.getInputStream(entry);
        } catch (IOException | RuntimeException e) {
            throw new ArchiveException(Problem.CORRUPT, "entry '" + name + "' cannot be read (" + e.getMessage()
                    + ")", e);
        }
    }

    /** Reads from an entry's data; what goes wrong there is the archive's fault, not the disk's. */
    private static int read(InputStream in, byte[] buffer, String name) throws ArchiveException {
        try {
            return in.read(buffer);
        } catch (IOException | RuntimeException e) {
            throw new ArchiveException(Problem.CORRUPT, "entry '" + name + "' cannot be unpacked ("
                    + e.getMessage() + ")", e);
        }
    }

    /**
     * The entry count in the end-of-central-directory record, read before the directory itself so
     * that a zip claiming millions of entries is refused without loading them. 0 when the record
     * is not found (the full parse then reports the archive as corrupt) or the count is in Zip64.
     */
    private static int declaredEntries(Path zip) throws IOException {
        try (RandomAccessFile file = new RandomAccessFile(zip.toFile(), "r")) {
            long length = file.length();
            int window = (int) Math.min(length, END_OF_DIRECTORY_SIZE + 0xFFFF);
            byte[] tail = new byte[window];
            file.seek(length - window);
            file.readFully(tail);
            for (int at = window - END_OF_DIRECTORY_SIZE; at >= 0; at--) {
                if (littleEndian(tail, at, 4) == END_OF_DIRECTORY) {
                    int total = (int) littleEndian(tail, at + 10, 2);
                    return total == 0xFFFF ? 0 : total;
                }
            }
            return 0;
        }
    }

    private static long littleEndian(byte[] bytes, int at, int length) {
        long value = 0;
        for (int i = length - 1; i >= 0; i--) {
            value = value << 8 | (bytes[at + i] & 0xFF);
        }
        return value;
    }

    private static ArchiveException tooMany(Path zip, int count, Limits limits) {
        return new ArchiveException(Problem.TOO_MANY_ENTRIES, zip.getFileName() + " has " + count
                + " entries; at most " + limits.maxEntries() + " are accepted");
    }

    private static void requireEmptyOrAbsent(Path target) throws IOException {
        if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (!Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException("cannot extract into " + target + ": it is not a directory");
        }
        try (DirectoryStream<Path> children = Files.newDirectoryStream(target)) {
            if (children.iterator().hasNext()) {
                throw new IOException("cannot extract into " + target + ": it is not empty");
            }
        }
    }

    private static String printable(String name) {
        String shown = name.replaceAll("\\p{Cntrl}", "?");
        return shown.length() > 120 ? shown.substring(0, 120) + "..." : shown;
    }
}
