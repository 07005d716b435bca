/**
 * A class's results, computed once: rows (one per student), columns (one per kata), statuses,
 * counts, distributions, the checks the class fails, who needs help, and the similarity check.
 * The summary files, the report, merge and the exports render this model.
 */
package kata.grader.classresults;
