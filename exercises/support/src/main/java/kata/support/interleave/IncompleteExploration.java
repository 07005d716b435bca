package kata.support.interleave;

import kata.support.PublicApi;

/**
 * A check that promised every schedule could not explore them all within its limit. It is an error
 * of the check, never a pass: what was not explored was not proven.
 */
@PublicApi
public final class IncompleteExploration extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    IncompleteExploration(String message) {
        super(message);
    }
}
