package kata.support;

/** When a student sees a check's result; the same four values Gradescope uses. */
@PublicApi
public enum Visibility {
    /** Always shown. */
    VISIBLE,
    /** Never shown to the student (instructors only). */
    HIDDEN,
    /** Shown once the assignment's due date has passed. */
    AFTER_DUE_DATE,
    /** Shown once the instructor publishes grades. */
    AFTER_PUBLISHED
}
