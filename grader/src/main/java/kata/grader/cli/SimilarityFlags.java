package kata.grader.cli;

import java.nio.file.Path;
import kata.grader.similarity.Java21;
import kata.grader.similarity.SimilarityCheck;
import picocli.CommandLine.Option;

/** The similarity check's options, shared by batch, merge and similarity. */
final class SimilarityFlags {

    @Option(names = "--similarity", paramLabel = "<percent>",
            description = "List pairs of submissions of a kata that share at least this share of their code beyond"
                    + " the stub (default: 60).")
    Integer percent;

    @Option(names = "--no-similarity", description = "Do not check similarity.")
    boolean off;

    @Option(names = "--similarity-java", paramLabel = "<java>",
            description = "A Java 21+ executable for JPlag (default: the grader's own when 21+, else the newest in"
                    + " /usr/lib/jvm).")
    Path java;

    /** How to check, or null when the check is off. */
    SimilarityCheck.Settings settings() {
        if (off) {
            return null;
        }
        if (percent != null && (percent < 1 || percent > 100)) {
            throw new IllegalArgumentException("--similarity takes a percentage from 1 to 100, not " + percent);
        }
        return new SimilarityCheck.Settings(percent == null ? SimilarityCheck.DEFAULT_THRESHOLD : percent / 100.0,
                Java21.find(java));
    }
}
