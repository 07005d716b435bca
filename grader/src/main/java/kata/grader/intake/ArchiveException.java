package kata.grader.intake;

import java.io.IOException;

/**
 * An archive that was not extracted, and why. Nothing of it is left in the target directory.
 */
public final class ArchiveException extends IOException {

    /** Why an archive was refused. */
    public enum Problem {
        /** Not a readable zip: truncated, damaged, wrong checksum, or not a zip at all. */
        CORRUPT,
        /** An entry uses a feature this reader refuses (encryption, unknown compression). */
        UNSUPPORTED,
        /** An entry's name would land outside the target: {@code ../}, an absolute path, a drive letter. */
        UNSAFE_PATH,
        /** A symbolic link: it could point anywhere, so links are never created or followed. */
        LINK,
        /** Two entries with the same name, or a file where a folder must be. */
        DUPLICATE_ENTRY,
        /** More entries than allowed. */
        TOO_MANY_ENTRIES,
        /** The archive, one entry, or all entries together unpack to more than allowed. */
        TOO_LARGE,
        /** An entry unpacks to far more than its compressed size: the mark of a zip bomb. */
        COMPRESSION_RATIO
    }

    private final Problem problem;

    public ArchiveException(Problem problem, String message) {
        super(message);
        this.problem = problem;
    }

    public ArchiveException(Problem problem, String message, Throwable cause) {
        super(message, cause);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}
