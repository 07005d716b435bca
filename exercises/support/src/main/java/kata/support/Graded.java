package kata.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a test method, or a static ArchUnit {@code ArchRule} field, as a graded check.
 *
 * <p>The grader reads these annotations from the test sources to build an exercise's list of
 * checks, in source order. A check that is not annotated is not graded.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.FIELD})
@PublicApi
public @interface Graded {

    /** Stable id, unique within the exercise, in kebab-case; scorecards and LMS exports use it. */
    String id();

    /** Name shown to students; when empty, the test's {@code @DisplayName} or the member name. */
    String name() default "";

    /** Points the check is worth. */
    double points();

    /** When a student may see this check's result. */
    Visibility visibility() default Visibility.VISIBLE;

    /** Wall-time limit for the check; when it runs out the grader reports what was still running. */
    int timeoutSeconds() default 10;

    /**
     * Runs the check against a copy of the student's classes that has the scheduler's points, also
     * in a kata whose other checks need the classes as compiled (an exercise with
     * {@code "instrument": false}): for a hidden check that explores schedules there. Only the
     * grader honours it; Maven runs every test of a kata with the kata's one setting.
     */
    boolean scheduled() default false;
}
