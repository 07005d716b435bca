/** The similarity check of a class's submissions, per kata, with JPlag. */
package kata.grader.similarity;
