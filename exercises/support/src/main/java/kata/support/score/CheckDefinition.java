package kata.support.score;

import kata.support.PublicApi;
import kata.support.Visibility;

/**
 * One graded check as a course declares it ({@code @Graded} on a test method or a rule field):
 * what {@link Scoring} needs to turn its outcome into points. The grader's check specifications and
 * the student's own run both implement it.
 */
@PublicApi
public interface CheckDefinition {

    /** Stable id, unique within the exercise. */
    String id();

    /** Shown to students. */
    String name();

    CheckKind kind();

    Visibility visibility();

    /** Points possible. */
    double points();
}
