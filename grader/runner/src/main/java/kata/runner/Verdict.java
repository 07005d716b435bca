package kata.runner;

/** The outcome of one check as the runner reports it. */
record Verdict(String status, String message) {

    static Verdict passed() {
        return new Verdict("passed", "");
    }

    static Verdict failed(String message) {
        return new Verdict("failed", message);
    }

    static Verdict error(String message) {
        return new Verdict("error", message);
    }

    static Verdict skipped(String message) {
        return new Verdict("skipped", message);
    }
}
