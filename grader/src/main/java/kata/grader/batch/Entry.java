package kata.grader.batch;

import java.nio.file.Path;

/**
 * One student's submission in a batch: a folder in the student repository's layout, a zip of one,
 * or an archive of a kind the grader does not read (it still gets a row that says so).
 *
 * @param id   the folder's name, or the archive's name without its extension; the roster's {@code entry}
 * @param path where it is
 * @param kind what it is
 */
public record Entry(String id, Path path, Kind kind) {

    public enum Kind { FOLDER, ZIP, UNSUPPORTED_ARCHIVE }

    /** A single file (a zip, or an archive that is not read) rather than a folder. */
    public boolean isFile() {
        return kind != Kind.FOLDER;
    }
}
