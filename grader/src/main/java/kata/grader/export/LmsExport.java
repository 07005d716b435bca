package kata.grader.export;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import kata.support.score.Scorecard;

/**
 * One format that an LMS or a CI imports, derived from scorecards alone. Formats that hold one
 * submission per file write into a directory (or into one file when there is one scorecard and
 * {@code out} ends with the format's extension); class-wide formats write one file.
 */
public interface LmsExport {

    /** The name given to {@code export --format}, e.g. {@code canvas-csv}. */
    String name();

    /** One line for {@code export --help}. */
    String description();

    /**
     * Writes the scorecards in this format.
     *
     * @throws IllegalArgumentException when the options or scorecards cannot make a valid file
     *                                  (say, Canvas without an assignment id)
     */
    Written write(List<Scorecard> scorecards, Path out, ExportOptions options) throws IOException;

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
