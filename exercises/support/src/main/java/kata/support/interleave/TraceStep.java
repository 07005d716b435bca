package kata.support.interleave;

/**
 * One step of a failing schedule, for a picture of the interleaving: which thread did what, where.
 *
 * @param thread   the thread's name; empty for a step of no thread (time passing)
 * @param action   what it did ("reads Counter.value", "locks account A", "ends")
 * @param location the student's source line ("Counter.java:12"), or empty
 * @param repeats  how many times in a row it did so (1 for once)
 */
public record TraceStep(String thread, String action, String location, int repeats) {
}
