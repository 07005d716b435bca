/**
 * Scorecards outside the grader: their JSON codec (described by the shipped schema), reading a
 * set of them from disk, and how every rendering writes their points.
 */
package kata.grader.scorecards;
