package kata.runner;

import kata.protocol.ResultStatus;
import kata.support.score.Schedule;

/**
 * The outcome of one check as the runner reports it.
 *
 * @param schedule the schedule under which the check failed, when the scheduler found one; else null
 */
record Verdict(ResultStatus status, String message, Schedule schedule) {

    static Verdict passed() {
        return new Verdict(ResultStatus.PASSED, "", null);
    }

    static Verdict failed(String message) {
        return new Verdict(ResultStatus.FAILED, message, null);
    }

    static Verdict error(String message) {
        return new Verdict(ResultStatus.ERROR, message, null);
    }

    static Verdict skipped(String message) {
        return new Verdict(ResultStatus.SKIPPED, message, null);
    }
}
