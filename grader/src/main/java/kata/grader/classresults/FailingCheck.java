package kata.grader.classresults;

import kata.support.score.CheckKind;
import kata.support.Visibility;

/**
 * A check that real attempts of a kata fail, with the message most of them get.
 *
 * @param kata       the kata
 * @param checkId    the check's id
 * @param checkName  its name
 * @param kind       test or rule
 * @param visibility when students see it
 * @param failing    attempts that did not pass it
 * @param ran        attempts whose checks ran
 * @param message    the most common first line of its message among them
 * @param sharing    how many of them got that message
 */
public record FailingCheck(KataColumn kata, String checkId, String checkName, CheckKind kind, Visibility visibility,
                           int failing, int ran, String message, int sharing) {
}
