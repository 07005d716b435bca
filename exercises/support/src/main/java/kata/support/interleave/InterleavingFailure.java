package kata.support.interleave;

/** A schedule under which the code under test went wrong, with the steps that led there. */
public final class InterleavingFailure extends AssertionError {

    private static final long serialVersionUID = 1L;

    private final String kind;
    private final String headline;
    private final int schedule;

    /** A wrong final result is explained by the steps only when they are few enough to read. */
    private static final long LONGEST_EXPLAINING_TRACE = 40;

    InterleavingFailure(Failure failure, String trace, long steps, int schedule) {
        super(message(failure, failure.kind() == Failure.Kind.CHECK && steps > LONGEST_EXPLAINING_TRACE ? "" : trace),
                failure.cause());
        this.schedule = schedule;
        this.kind = failure.kind().name().toLowerCase(java.util.Locale.ROOT);
        this.headline = failure.headline();
    }

    /** deadlock, stuck, hang, livelock, waited, unsettled, race, threw or check. */
    public String kind() {
        return kind;
    }

    /** The first line of the message: what went wrong, without the trace. */
    public String headline() {
        return headline;
    }

    /** Which schedule of the exploration failed (1 for the first); for diagnostics. */
    public int schedule() {
        return schedule;
    }

    private static String message(Failure failure, String trace) {
        StringBuilder text = new StringBuilder(failure.headline());
        if (!failure.details().isBlank()) {
            text.append('\n').append(failure.details());
        }
        if (!trace.isBlank()) {
            text.append("\nHow it happens (one line per step of a thread, with its source line):\n")
                    .append(trace);
        }
        return text.toString();
    }
}
