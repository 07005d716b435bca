/**
 * The agent's record of the student's code (its scheduling points, where it created its locks),
 * which the scheduler in {@code kata.support.interleave} reads: public for that package alone. No
 * check, grader or runner uses it, so it may change with kata-support.
 */
package kata.support.agent.internal;
