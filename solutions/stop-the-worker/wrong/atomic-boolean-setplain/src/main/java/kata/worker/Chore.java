package kata.worker;

/**
 * What a worker does, on its own thread: {@link #begin()} once, then {@link #round()} again and
 * again until it is asked to stop, then {@link #end()} once. This file is provided: keep it as it
 * is (the grader uses its own copy).
 */
public interface Chore {

    /** Called once on the worker thread, before the first round. */
    void begin();

    /** One round of work. Called on the worker thread, as often as the worker keeps going. */
    void round();

    /** Called once on the worker thread, after the last round. */
    void end();
}
