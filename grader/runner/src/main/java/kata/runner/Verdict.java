package kata.runner;

import kata.support.score.Schedule;

/**
 * The outcome of one check as the runner reports it.
 *
 * @param schedule the schedule under which the check failed, when the scheduler found one; else null
 */
record Verdict(String status, String message, Schedule schedule) {

    static Verdict passed() {
        return new Verdict("passed", "", null);
    }

    static Verdict failed(String message) {
        return new Verdict("failed", message, null);
    }

    static Verdict error(String message) {
        return new Verdict("error", message, null);
    }

    static Verdict skipped(String message) {
        return new Verdict("skipped", message, null);
    }
}
