package kata.grader.export;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import kata.grader.classresults.ClassResults;

/**
 * One format that an LMS, a CI or a students' platform imports, rendered from the class results.
 * Every format is read by students, so each renders {@link StudentView} at the options' moment (or,
 * where the platform itself applies each check's visibility, labels each check with it).
 * Formats that hold one submission per file write into a directory (or into one file when there
 * is one scorecard and {@code out} ends with the format's extension); class-wide formats write one
 * file.
 */
public interface LmsExport {

    /** The name given to {@code export --format}, e.g. {@code canvas-csv}. */
    String name();

    /** One line for {@code export --help}. */
    String description();

    /**
     * Writes the class's scorecards in this format.
     *
     * @throws IllegalArgumentException when the options or scorecards cannot make a valid file
     */
    Written write(ClassResults results, Path out, ExportOptions options) throws IOException;

    /**
     * What an export produced.
     *
     * @param files    every file written
     * @param warnings scorecards left out or incomplete, and why (say, no LMS user id)
     */
    record Written(List<Path> files, List<String> warnings) {

        public Written {
            files = List.copyOf(files);
            warnings = List.copyOf(warnings);
        }
    }
}
