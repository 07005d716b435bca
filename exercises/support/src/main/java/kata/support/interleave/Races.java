package kata.support.interleave;

import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import kata.support.agent.internal.Site;
import kata.support.agent.internal.Sites;

/**
 * Data races on the student's fields, by happens-before, with vector clocks (as in FastTrack): two
 * accesses of different threads to the same field, one of them a write, that nothing orders (no
 * lock both hold in turn, no volatile field written by one and read by the other, no start or join
 * between them). Such a read may see a stale value for ever, whatever the schedule: the JIT may keep
 * the field in a register. Only fields that are neither volatile nor final are checked.
 *
 * <p>It errs on the side of silence: every call from the student's code into the JDK (a
 * {@code java.util.concurrent} lock, an atomic, a queue, a thread start or join) counts as a
 * synchronization of everything with everything, so a race is reported only when the two accesses
 * are separated by no synchronization at all. Reads inside a {@code StampedLock} optimistic read
 * ({@code tryOptimisticRead} ... {@code validate}) race by design and are not checked. Guarded by the
 * run's lock.
 *
 * <p>A second instance watches the collections of {@code java.util} that are not thread-safe
 * ({@code HashMap}, {@code ArrayList}, ...): a call that changes one's structure ({@code put},
 * {@code add}, {@code remove}, ...) and another thread's call on it, with nothing ordering the two.
 * The scheduler never switches inside such a call, so only happens-before can see the bug. Objects
 * usually travel between threads through the JDK (an executor's queue, a future), whose inside is not
 * observed; so here every call of the student's code into the JDK is ordered after everything any
 * thread did before it. A race is then reported only when the second thread reached the collection
 * without any synchronization since the first one's call. Setting an element ({@code set}) is not a
 * change of structure: threads that fill their own slots of a list are not reported.
 */
final class Races {

    /** What an instance watches. */
    enum Target {
        /** The student's fields that are neither volatile nor final. */
        FIELDS,
        /** The java.util collections that are not thread-safe. */
        COLLECTIONS
    }

    /** The java.util collections that are not thread-safe, by class name (subclasses are not judged). */
    private static final Set<String> UNSAFE_COLLECTIONS = Set.of(
            "java.util.HashMap", "java.util.LinkedHashMap", "java.util.TreeMap", "java.util.IdentityHashMap",
            "java.util.WeakHashMap", "java.util.EnumMap", "java.util.HashSet", "java.util.LinkedHashSet",
            "java.util.TreeSet", "java.util.RegularEnumSet", "java.util.JumboEnumSet", "java.util.ArrayList",
            "java.util.LinkedList", "java.util.ArrayDeque", "java.util.PriorityQueue");

    /** Methods that change a collection's structure: two of them at once can lose or corrupt entries. */
    private static final Set<String> STRUCTURAL_CHANGES = Set.of(
            "add", "addAll", "addFirst", "addLast", "offer", "offerFirst", "offerLast", "push", "pop", "poll",
            "pollFirst", "pollLast", "pollFirstEntry", "pollLastEntry", "remove", "removeAll", "removeIf",
            "removeFirst", "removeLast", "retainAll", "clear", "put", "putAll", "putIfAbsent", "putFirst",
            "putLast", "compute", "computeIfAbsent", "computeIfPresent", "merge", "replaceAll", "sort",
            "trimToSize", "ensureCapacity");

    /** One field of one object: its last write and the reads since. */
    private static final class Variable {
        int writer = -1;
        int writeClock;
        int writeSite;
        final Map<Integer, int[]> reads = new HashMap<>();
        int[] syncClock;
    }

    /** What a reported race was: on a field (Counter.value) or on a collection (HashMap). */
    record Race(String target, String first, String second, boolean collection) {
    }

    private final Target target;

    private int[][] clocks = new int[0][];
    private int[] global = new int[0];
    private final Map<Object, int[]> monitors = new IdentityHashMap<>();
    private final Map<Object, Map<String, Variable>> variables = new IdentityHashMap<>();
    private final Map<Integer, Boolean> optimistic = new HashMap<>();
    private final Map<Integer, String> names = new HashMap<>();

    Races(Target target) {
        this.target = target;
    }

    /** A new actor; {@code parent} is the actor that started it, or -1 for the run's own threads. */
    void started(int actor, String name, int parent) {
        ensure(actor + 1);
        names.put(actor, name);
        if (parent >= 0) {
            join(clocks[actor], clocks[parent]);
            tick(parent);
        }
        tick(actor);
    }

    /** {@code joiner} returned from joining {@code ended}: everything it did happened before. */
    void joined(int joiner, int ended) {
        ensure(Math.max(joiner, ended) + 1);
        join(clocks[joiner], clocks[ended]);
    }

    void acquired(int actor, Object monitor) {
        ensure(actor + 1);
        int[] clock = monitors.get(monitor);
        if (clock != null) {
            join(clocks[actor], clock);
        }
    }

    void released(int actor, Object monitor) {
        ensure(actor + 1);
        int[] clock = monitors.computeIfAbsent(monitor, m -> new int[0]);
        monitors.put(monitor, joined(clock, clocks[actor]));
        tick(actor);
    }

    /**
     * A call into the JDK, or a JDK event: synchronizes with every other such one; for collections,
     * also with everything every thread did before it.
     */
    void synchronizes(int actor, int site) {
        ensure(actor + 1);
        if (target == Target.COLLECTIONS) {
            for (int[] other : clocks) {
                join(clocks[actor], other);
            }
        }
        if (site >= 0) {
            Site at = Sites.get(site);
            if (at.owner().equals("StampedLock")) {
                if (at.member().equals("tryOptimisticRead") && at.kind() == Site.Kind.CALL) {
                    optimistic.put(actor, true);
                } else if (at.member().equals("validate") && at.kind() == Site.Kind.CALL) {
                    optimistic.remove(actor);
                }
            }
        }
        join(clocks[actor], global);
        global = joined(global, clocks[actor]);
        tick(actor);
    }

    /**
     * An access to a field: returns the race it completes, or null. {@code object} is the object
     * whose field it is, or null for a static field.
     */
    Race accessed(int actor, Object object, int site) {
        ensure(actor + 1);
        Site at = Sites.get(site);
        // The collection detector needs only the volatile fields, which synchronize.
        if (at.racy() && target == Target.COLLECTIONS) {
            return null;
        }
        boolean write = at.kind() == Site.Kind.WRITE;
        Object owner = object != null ? object : at.owner().intern();
        Variable variable = variables.computeIfAbsent(owner, o -> new HashMap<>())
                .computeIfAbsent(at.member(), f -> new Variable());
        int[] mine = clocks[actor];
        if (!at.racy()) {
            // volatile (or final): a synchronization of its own, never a race.
            if (write) {
                variable.syncClock = joined(variable.syncClock == null ? new int[0] : variable.syncClock, mine);
                tick(actor);
            } else if (variable.syncClock != null) {
                join(mine, variable.syncClock);
            }
            return null;
        }
        return check(actor, variable, write, site, at.owner() + "." + at.member(), false);
    }

    /**
     * A call of the student's code on a java.util object: for a collection that is not thread-safe, a
     * read or a change of its structure, which returns the race it completes (or null); for any other
     * object, a synchronization.
     */
    Race called(int actor, Object receiver, int site) {
        if (target == Target.FIELDS || !UNSAFE_COLLECTIONS.contains(receiver.getClass().getName())) {
            synchronizes(actor, site);
            return null;
        }
        ensure(actor + 1);
        // Its own step: what another thread's synchronization already saw of it came before.
        tick(actor);
        Variable contents = variables.computeIfAbsent(receiver, o -> new HashMap<>())
                .computeIfAbsent("", f -> new Variable());
        boolean change = STRUCTURAL_CHANGES.contains(Sites.get(site).member());
        return check(actor, contents, change, site, receiver.getClass().getSimpleName(), true);
    }

    /** An access to a variable that no synchronization protects by itself: the race it completes, or null. */
    private Race check(int actor, Variable variable, boolean write, int site, String what, boolean collection) {
        int[] mine = clocks[actor];
        Race race = null;
        if (variable.writer >= 0 && variable.writer != actor && variable.writeClock > valueAt(mine, variable.writer)
                && !(optimistic.containsKey(actor) && !write)) {
            race = race(what, collection, variable.writer, variable.writeSite, true, actor, site, write);
        }
        if (write && race == null) {
            for (Map.Entry<Integer, int[]> read : variable.reads.entrySet()) {
                int reader = read.getKey();
                if (reader != actor && read.getValue()[0] > valueAt(mine, reader)) {
                    race = race(what, collection, reader, read.getValue()[1], false, actor, site, true);
                    break;
                }
            }
        }
        if (write) {
            variable.writer = actor;
            variable.writeClock = mine[actor];
            variable.writeSite = site;
            variable.reads.clear();
        } else if (!optimistic.containsKey(actor)) {
            variable.reads.put(actor, new int[] {mine[actor], site});
        }
        return race;
    }

    private Race race(String what, boolean collection, int firstActor, int firstSite, boolean firstWrote,
                      int secondActor, int secondSite, boolean secondWrote) {
        return new Race(what, access(collection, firstActor, firstSite, firstWrote),
                access(collection, secondActor, secondSite, secondWrote), collection);
    }

    /** "\"worker\" wrote it at Counter.java:12", or "\"worker\" changed it with put() at Map.java:40". */
    private String access(boolean collection, int actor, int site, boolean wrote) {
        Site at = Sites.get(site);
        String what = !collection ? (wrote ? "wrote it" : "read it")
                : (wrote ? "changed it with " : "read it with ") + at.member() + "()";
        return "\"" + names.get(actor) + "\" " + what + " at " + at.location();
    }

    private void ensure(int actors) {
        if (clocks.length < actors) {
            int[][] grown = Arrays.copyOf(clocks, actors);
            for (int i = clocks.length; i < actors; i++) {
                grown[i] = new int[actors];
            }
            clocks = grown;
        }
        for (int i = 0; i < clocks.length; i++) {
            if (clocks[i].length < actors) {
                clocks[i] = Arrays.copyOf(clocks[i], actors);
            }
        }
    }

    private void tick(int actor) {
        clocks[actor][actor]++;
    }

    private static int valueAt(int[] clock, int actor) {
        return actor < clock.length ? clock[actor] : 0;
    }

    /** {@code into} becomes the pointwise maximum of both (it is long enough for every actor). */
    private static void join(int[] into, int[] other) {
        for (int i = 0; i < other.length && i < into.length; i++) {
            into[i] = Math.max(into[i], other[i]);
        }
    }

    private static int[] joined(int[] a, int[] b) {
        int[] result = Arrays.copyOf(a, Math.max(a.length, b.length));
        for (int i = 0; i < b.length; i++) {
            result[i] = Math.max(result[i], b[i]);
        }
        return result;
    }
}
