package kata.grader.export;

import java.util.Arrays;
import java.util.Locale;
import kata.support.Visibility;

/**
 * When students read an export, which decides which checks they may see: visible checks always,
 * {@code after_due_date} ones once the due date has passed, {@code after_published} ones once
 * the grades are published, hidden ones never (only their points, in the published total).
 */
public enum Moment {
    BEFORE_DUE_DATE,
    AFTER_DUE_DATE,
    AFTER_PUBLISHED;

    /** Whether a check of this visibility is shown, name, message and points, at this moment. */
    public boolean shows(Visibility visibility) {
        return switch (visibility) {
            case VISIBLE -> true;
            case AFTER_DUE_DATE -> this != BEFORE_DUE_DATE;
            case AFTER_PUBLISHED -> this == AFTER_PUBLISHED;
            case HIDDEN -> false;
        };
    }

    /** Whether checks that are never shown count in the total (their points only): once grades are published. */
    public boolean countsWithheldPoints() {
        return this == AFTER_PUBLISHED;
    }

    /** As the command line writes it: {@code before-due-date}. */
    public String option() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** @throws IllegalArgumentException naming the choices */
    public static Moment parse(String text) {
        return Arrays.stream(values()).filter(m -> m.option().equals(text.strip().toLowerCase(Locale.ROOT)))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("--moment takes before-due-date,"
                        + " after-due-date or after-published, not '" + text + "'"));
    }
}
