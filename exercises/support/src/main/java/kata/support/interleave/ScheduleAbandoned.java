package kata.support.interleave;

/**
 * Thrown from a monitor hook into a worker of a failed schedule that would otherwise enter a
 * monitor its partner holds and stay deadlocked in the JVM for good. Unwinding releases the
 * monitors the worker holds, so the threads of a reported deadlock end instead of lingering.
 */
final class ScheduleAbandoned extends Error {

    private static final long serialVersionUID = 1L;

    static final ScheduleAbandoned INSTANCE = new ScheduleAbandoned();

    private ScheduleAbandoned() {
        super("the schedule was abandoned after a failure", null, false, false);
    }
}
