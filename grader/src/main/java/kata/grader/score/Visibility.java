package kata.grader.score;

/** When a student may see a check's result; the values Gradescope uses. */
public enum Visibility {
    VISIBLE,
    HIDDEN,
    AFTER_DUE_DATE,
    AFTER_PUBLISHED
}
