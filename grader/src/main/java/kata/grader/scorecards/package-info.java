/**
 * Scorecards outside the grader: their JSON codec (described by the shipped schema), reading a
 * set of them from disk, and the few ways every rendering writes their numbers and messages.
 */
package kata.grader.scorecards;
