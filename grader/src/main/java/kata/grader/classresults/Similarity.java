package kata.grader.classresults;

import java.util.List;

/**
 * The similarity check of a class.
 *
 * @param threshold pairs at or above this similarity are listed (0 to 1)
 * @param compared  per kata, how many submissions were compared
 * @param pairs     the pairs above the threshold, most similar first
 * @param notes     what could not be compared, and why
 */
public record Similarity(double threshold, List<Compared> compared, List<SimilarPair> pairs, List<String> notes) {

    public Similarity {
        compared = List.copyOf(compared);
        pairs = List.copyOf(pairs);
        notes = List.copyOf(notes);
    }

    /** How many submissions of one kata were compared. */
    public record Compared(String kata, int submissions) {
    }
}
