package kata.support.interleave;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The scheduler's model of the Java monitors ({@code synchronized}) that workers hold. Workers ask
 * it before entering a monitor and wait in the scheduler, not in the JVM, while another worker
 * holds it: then the schedule, not the JVM, decides who enters next. Guarded by the execution's lock.
 */
final class Monitors {

    private static final class Held {
        final Worker owner;
        final int site;
        int count;

        Held(Worker owner, int site) {
            this.owner = owner;
            this.site = site;
        }
    }

    private final Map<Object, Held> held = new IdentityHashMap<>();

    /** The worker holding the monitor, or null when no worker does. */
    Worker owner(Object monitor) {
        Held entry = held.get(monitor);
        return entry == null ? null : entry.owner;
    }

    /** The site where the holder took the monitor, or -1. */
    int lockedAt(Object monitor) {
        Held entry = held.get(monitor);
        return entry == null ? -1 : entry.site;
    }

    void entered(Worker worker, Object monitor, int site) {
        held.computeIfAbsent(monitor, m -> new Held(worker, site)).count++;
    }

    /** Returns true when the monitor is free now. */
    boolean exited(Worker worker, Object monitor) {
        Held entry = held.get(monitor);
        if (entry == null || entry.owner != worker) {
            return false;
        }
        if (--entry.count == 0) {
            held.remove(monitor);
            return true;
        }
        return false;
    }

    /** {@code wait()} releases the monitor whatever the nesting; returns the count to restore. */
    int releaseForWait(Worker worker, Object monitor) {
        Held entry = held.get(monitor);
        if (entry == null || entry.owner != worker) {
            return 0;
        }
        held.remove(monitor);
        return entry.count;
    }

    void restoreAfterWait(Worker worker, Object monitor, int count, int site) {
        if (count > 0) {
            Held entry = new Held(worker, site);
            entry.count = count;
            held.put(monitor, entry);
        }
    }

    /** The monitors a worker holds. */
    List<Object> heldBy(Worker worker) {
        List<Object> monitors = new ArrayList<>();
        held.forEach((monitor, entry) -> {
            if (entry.owner == worker) {
                monitors.add(monitor);
            }
        });
        return monitors;
    }
}
