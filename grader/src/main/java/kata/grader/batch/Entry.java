package kata.grader.batch;

import java.nio.file.Path;

/**
 * One student's submission in a batch: a folder in the student repository's layout, or a zip of one.
 *
 * @param id   the folder's name, or the zip's name without {@code .zip}; the roster's {@code entry}
 * @param path where it is
 * @param zip  true for a zip archive
 */
public record Entry(String id, Path path, boolean zip) {
}
