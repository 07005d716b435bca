package kata.protocol;

/**
 * One check the runner is to run.
 *
 * @param id          the check's id in the grading spec
 * @param selector    the JUnit method selector of its test method
 * @param limitMillis its time limit
 */
public record PlannedCheck(String id, String selector, long limitMillis) {
}
