package kata.runner;

/** What the student's code printed during one check. */
record Captured(String text, boolean truncated) {
}
