package kata.grader.course;

/**
 * Resource limits of the test JVM for one exercise.
 *
 * @param heapMegabytes   maximum heap of the test JVM
 * @param exerciseSeconds wall time for all of the exercise's checks together
 */
public record Limits(int heapMegabytes, int exerciseSeconds) {

    public static final Limits DEFAULT = new Limits(256, 180);

    public Limits {
        if (heapMegabytes < 32 || exerciseSeconds < 1) {
            throw new IllegalArgumentException("limits too small: heap " + heapMegabytes + " MB, "
                    + exerciseSeconds + " s");
        }
    }
}
