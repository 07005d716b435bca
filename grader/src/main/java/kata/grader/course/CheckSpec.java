package kata.grader.course;

import kata.support.Visibility;
import kata.support.score.CheckDefinition;
import kata.support.score.CheckKind;

/**
 * One graded check, as declared by {@code @Graded} on a test method or a rule field.
 *
 * @param id             stable id within the exercise
 * @param name           shown to students
 * @param kind           test (runs student code) or rule (inspects bytecode)
 * @param visibility     when students may see the result
 * @param points         points possible
 * @param timeoutSeconds wall-time limit of the check
 * @param className      binary name of the declaring class
 * @param member         for a test, the JUnit method selector ({@code class#method(params)});
 *                       for a rule, the field name
 * @param hidden         true when the check's source is not given to students
 * @param scheduled      true when the check runs against a copy of the student's classes with
 *                       scheduling points, whatever the exercise's setting
 */
public record CheckSpec(String id, String name, CheckKind kind, Visibility visibility, double points,
                        int timeoutSeconds, String className, String member, boolean hidden,
                        boolean scheduled)
        implements CheckDefinition {
}
