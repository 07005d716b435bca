package kata.support.report;

import kata.support.Graded;

/**
 * One graded check as the student's own run saw it.
 *
 * @param graded   its annotation: id, points, visibility
 * @param name     shown to the student
 * @param rule     true for an ArchUnit rule, false for a test
 * @param passed   whether it passed
 * @param message  why not, in the check's own words; empty when it passed
 * @param millis   how long it took
 */
record CheckOutcome(Graded graded, String name, boolean rule, boolean passed, String message, long millis) {
}
