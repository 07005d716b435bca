package kata.support.interleave;

/**
 * What an exploration did.
 *
 * @param executions schedules run
 * @param complete   true when every schedule within the bounds was run
 * @param steps      scheduling points passed, over all schedules
 */
public record ExplorationReport(int executions, boolean complete, long steps) {
}
