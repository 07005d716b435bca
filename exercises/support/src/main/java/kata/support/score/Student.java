package kata.support.score;

import kata.support.PublicApi;

/**
 * Who a submission belongs to, as far as known (from a roster); LMS exports match on these.
 * Every field may be null.
 */
@PublicApi
public record Student(String name, String email, String login, String lmsUserId, String sisUserId,
                      String section) {
}
