package kata.protocol;

/**
 * One check the runner is to run.
 *
 * @param id          the check's id in the grading spec
 * @param selector    the JUnit method selector of its test method
 * @param limitMillis its time limit
 * @param scheduled   true when it runs against the copy of the student's classes with scheduling points
 */
public record PlannedCheck(String id, String selector, long limitMillis, boolean scheduled) {
}
