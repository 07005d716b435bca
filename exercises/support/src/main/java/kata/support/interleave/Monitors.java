package kata.support.interleave;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The scheduler's model of the monitors ({@code synchronized}, {@code wait}, {@code notify}) of the
 * student's code: who holds which, how often, and who waits in each one's wait set. The schedule,
 * not the JVM, decides who enters a free monitor and whom {@code notify()} wakes. Guarded by the
 * run's lock.
 */
final class Monitors {

    private static final class State {
        Actor owner;
        int count;
        int site;
        final List<Actor> waitSet = new ArrayList<>();
    }

    private final Map<Object, State> states = new IdentityHashMap<>();

    /** The actor holding the monitor, or null. */
    Actor owner(Object monitor) {
        State state = states.get(monitor);
        return state == null ? null : state.owner;
    }

    /** Where the holder took the monitor, or -1. */
    int lockedAt(Object monitor) {
        State state = states.get(monitor);
        return state == null || state.owner == null ? -1 : state.site;
    }

    void enter(Actor actor, Object monitor, int site) {
        State state = states.computeIfAbsent(monitor, m -> new State());
        if (state.owner == null) {
            state.owner = actor;
            state.site = site;
        }
        state.count++;
    }

    /** Returns true when the monitor is now free. */
    boolean exit(Actor actor, Object monitor) {
        State state = states.get(monitor);
        if (state == null || state.owner != actor) {
            return false;
        }
        if (--state.count == 0) {
            state.owner = null;
            return true;
        }
        return false;
    }

    /** {@code wait()}: frees the monitor whatever its nesting and joins its wait set; returns the nesting. */
    int release(Actor actor, Object monitor) {
        State state = states.get(monitor);
        int count = state.count;
        state.owner = null;
        state.count = 0;
        state.waitSet.add(actor);
        return count;
    }

    /** Back from {@code wait()}: the actor holds the monitor again, as often as before. */
    void reacquire(Actor actor, Object monitor, int count, int site) {
        State state = states.get(monitor);
        state.waitSet.remove(actor);
        state.owner = actor;
        state.count = count;
        state.site = site;
    }

    /** The actors in the monitor's wait set that have not been notified yet (nor left it), oldest first. */
    List<Actor> waiting(Object monitor) {
        State state = states.get(monitor);
        List<Actor> waiting = new ArrayList<>();
        if (state != null) {
            for (Actor actor : state.waitSet) {
                if (actor.wait instanceof Wait.MonitorWait wait && !wait.notified && !wait.left) {
                    waiting.add(actor);
                }
            }
        }
        return waiting;
    }

    /** The monitors an actor holds. */
    List<Object> heldBy(Actor actor) {
        List<Object> held = new ArrayList<>();
        states.forEach((monitor, state) -> {
            if (state.owner == actor) {
                held.add(monitor);
            }
        });
        return held;
    }
}
