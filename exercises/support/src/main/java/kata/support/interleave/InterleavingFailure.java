package kata.support.interleave;

import java.util.List;
import java.util.Optional;
import kata.support.PublicApi;
import kata.support.score.Schedule;
import kata.support.threads.LockNames;

/** A schedule under which the code under test went wrong, with the steps that led there. */
@PublicApi
public final class InterleavingFailure extends AssertionError {

    private static final long serialVersionUID = 1L;

    private final String kind;
    private final String headline;
    private final int schedule;
    private final transient Schedule interleaving;
    private final String replayToken;

    /** A wrong final result is explained by the steps only when they are few enough to read. */
    private static final long LONGEST_EXPLAINING_TRACE = 40;

    InterleavingFailure(Failure failure, Run run, LockNames names, int schedule, ReplayToken replay) {
        super(message(failure, failure.kind() == Failure.Kind.CHECK && run.steps() > LONGEST_EXPLAINING_TRACE ? ""
                : run.trace.render(run.actors(), names), replay), failure.cause());
        this.schedule = schedule;
        this.kind = failure.kind().name().toLowerCase(java.util.Locale.ROOT);
        this.headline = failure.headline();
        this.interleaving = new Schedule(run.actors().stream().map(actor -> actor.name).toList(),
                run.trace.steps(run.actors(), names), 0);
        this.replayToken = replay == null ? null : replay.text();
    }

    /** deadlock, stuck, hang, livelock, waited, unsettled, race, threw or check. */
    public String kind() {
        return kind;
    }

    /**
     * A schedule that ended with every thread waiting and none able to wake another (a deadlock
     * among locks, or waits nobody will end: a lost wake-up). Checks put their kata's words on it.
     */
    public boolean noThreadCanContinue() {
        return "deadlock".equals(kind) || "stuck".equals(kind);
    }

    /** The first line of the message: what went wrong, without the trace. */
    public String headline() {
        return headline;
    }

    /** Which schedule of the exploration failed (1 for the first); for diagnostics. */
    public int schedule() {
        return schedule;
    }

    /** The threads and every step of the failing schedule that was kept (the most recent thousands). */
    public Schedule interleaving() {
        return interleaving == null ? new Schedule(List.of(), List.of(), 0) : interleaving;
    }

    /** The interleaving failure behind a check's failure: the thrown one, or one of its causes. */
    public static Optional<InterleavingFailure> in(Throwable thrown) {
        for (Throwable current = thrown; current != null; current = current.getCause()) {
            if (current instanceof InterleavingFailure failure) {
                return Optional.of(failure);
            }
            if (current.getCause() == current) {
                break;
            }
        }
        return Optional.empty();
    }

    /** The token that replays this schedule ({@code -Dkata.replay=<token>}); empty when a re-run is the replay. */
    public Optional<String> replayToken() {
        return Optional.ofNullable(replayToken);
    }

    /**
     * The message without the sentence on replaying the schedule, for a check whose source the
     * student does not have (a hidden check cannot be run again from the student's build).
     */
    public static String withoutReplayHint(String message) {
        if (message == null) {
            return null;
        }
        int start = message.indexOf(REPLAY_HINT);
        if (start < 0) {
            return message;
        }
        int end = message.indexOf('\n', start + REPLAY_HINT.length());
        return message.substring(0, start) + (end < 0 ? "" : message.substring(end));
    }

    private static final String REPLAY_HINT = "\nTo run exactly this schedule again";

    private static String message(Failure failure, String trace, ReplayToken replay) {
        StringBuilder text = new StringBuilder(failure.headline());
        if (!failure.details().isBlank()) {
            text.append('\n').append(failure.details());
        }
        if (!trace.isBlank()) {
            text.append("\nHow it happens (one line per step of a thread, with its source line):\n")
                    .append(trace);
        }
        if (replay != null) {
            text.append(REPLAY_HINT).append(" (in a debugger, or after a fix), add -D")
                    .append(ReplayToken.PROPERTY).append('=').append(replay.text())
                    .append(" to mvn verify, or set that system property in your IDE's run configuration.");
        }
        return text.toString();
    }
}
