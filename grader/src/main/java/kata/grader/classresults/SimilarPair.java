package kata.grader.classresults;

import java.util.List;

/**
 * Two submissions of one kata that share more code than the threshold, beyond the stub.
 *
 * @param kata       the kata's slug
 * @param first      one entry
 * @param second     the other entry
 * @param similarity    matched share of their code, 0 to 1 (JPlag's average similarity)
 * @param matchedTokens how much code matched, in tokens (a statement is a few)
 * @param regions       the matched regions, longest first
 */
public record SimilarPair(String kata, String first, String second, double similarity, int matchedTokens,
                          List<Region> regions) {

    public SimilarPair {
        regions = List.copyOf(regions);
    }

    /**
     * One stretch of code found in both submissions.
     *
     * @param first  where it is in the first submission
     * @param second where it is in the second
     * @param tokens matched tokens
     */
    public record Region(Excerpt first, Excerpt second, int tokens) {
    }

    /**
     * Lines of one file.
     *
     * @param file      relative to the kata's sources
     * @param startLine first line, 1-based
     * @param endLine   last line
     * @param text      those lines
     */
    public record Excerpt(String file, int startLine, int endLine, String text) {
    }
}
