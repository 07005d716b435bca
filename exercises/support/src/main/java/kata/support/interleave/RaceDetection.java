package kata.support.interleave;

import java.util.List;

/** Which data races a run looks for (see {@link Races}). */
enum RaceDetection {
    NONE,
    /** Calls on java.util collections that are not thread-safe, with nothing ordering them. */
    COLLECTIONS,
    /** Those, and the student's plain fields. */
    FIELDS_AND_COLLECTIONS;

    /** Fresh detectors for one run. */
    List<Races> detectors() {
        return switch (this) {
            case NONE -> List.of();
            case COLLECTIONS -> List.of(new Races(Races.Target.COLLECTIONS));
            case FIELDS_AND_COLLECTIONS -> List.of(new Races(Races.Target.FIELDS), new Races(Races.Target.COLLECTIONS));
        };
    }

    /** The wider of the two. */
    RaceDetection and(RaceDetection other) {
        return compareTo(other) >= 0 ? this : other;
    }
}
