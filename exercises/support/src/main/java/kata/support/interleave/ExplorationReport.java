package kata.support.interleave;

import kata.support.PublicApi;

/**
 * What an exploration did.
 *
 * @param executions schedules run
 * @param complete   true when every schedule within the bounds was run
 * @param steps      scheduling points passed, over all schedules
 */
@PublicApi
public record ExplorationReport(int executions, boolean complete, long steps) {
}
