/** Writing CSV that spreadsheets and gradebooks import safely. */
package kata.grader.csv;
