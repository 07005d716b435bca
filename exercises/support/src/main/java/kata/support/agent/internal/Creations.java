package kata.support.agent.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Where the student's code created its locks, semaphores, latches and conditions, so that a report
 * can say "the ReentrantLock created at Bank.java:12" instead of an identity hash. Weak: an entry
 * goes with its object. The objects tracked do not override equals, so the map is by identity.
 */
public final class Creations {

    private static final Map<Object, Integer> SITES = new WeakHashMap<>();

    private Creations() {
    }

    public static void record(Object created, int site) {
        synchronized (SITES) {
            SITES.put(created, site);
        }
    }

    /** The site where the object was created, or -1 when the student's code did not create it. */
    public static int siteOf(Object object) {
        if (object == null || !object.getClass().getName().startsWith("java.util.concurrent.")) {
            // Only JDK objects are tracked; a student's class is never asked for its hashCode here.
            return -1;
        }
        synchronized (SITES) {
            Integer site = SITES.get(object);
            return site == null ? -1 : site;
        }
    }

    /** Every tracked object still alive. */
    public static List<Object> all() {
        synchronized (SITES) {
            return new ArrayList<>(SITES.keySet());
        }
    }
}
