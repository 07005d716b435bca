package kata.support.interleave;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.FutureTask;
import java.util.concurrent.Semaphore;
import java.util.concurrent.locks.AbstractOwnableSynchronizer;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import kata.support.agent.internal.Creations;
import kata.support.agent.internal.Sites;

/**
 * Names what threads wait for in words a student recognises: "the ReentrantLock created at
 * Bank.java:12", "a Condition of the ReentrantLock created at TrafficLight.java:9", "account A".
 * A thread parked in {@code java.util.concurrent} waits on the lock's internal synchronizer; this
 * class finds the lock it belongs to among the objects the student's code created, and its owner.
 * It reads JDK fields that the kata agent opened to it; where they are closed, it falls back to
 * class names.
 */
final class Blockers {

    private static final Field EXCLUSIVE_OWNER = field(AbstractOwnableSynchronizer.class, "exclusiveOwnerThread");
    private static final Field REENTRANT_SYNC = field(ReentrantLock.class, "sync");
    private static final Field READ_WRITE_SYNC = field(ReentrantReadWriteLock.class, "sync");
    private static final Field SEMAPHORE_SYNC = field(Semaphore.class, "sync");
    private static final Field LATCH_SYNC = field(CountDownLatch.class, "sync");
    private static final Field CONDITION_OUTER = conditionOuter();

    private Blockers() {
    }

    /** The thread that holds the synchronizer exclusively (a locked ReentrantLock), or null. */
    static Thread exclusiveOwner(Object blocker) {
        if (blocker instanceof AbstractOwnableSynchronizer && EXCLUSIVE_OWNER != null) {
            return (Thread) read(EXCLUSIVE_OWNER, blocker);
        }
        return null;
    }

    /** A name for an object used as a monitor or lock. */
    static String name(Run run, Object object) {
        String given = run.names.given(object);
        if (given != null) {
            return given;
        }
        int site = Creations.siteOf(object);
        String type = isCondition(object) ? "Condition" : object.getClass().getSimpleName();
        if (site >= 0) {
            return "the " + type + " created at " + Sites.get(site).location();
        }
        return run.names.name(object);
    }

    /** What a parked thread waits for, from LockSupport's blocker. */
    static String describe(Run run, Object blocker) {
        if (blocker == null) {
            return "LockSupport.unpark";
        }
        if (blocker instanceof FutureTask<?>) {
            return "the result of a FutureTask (Future.get())";
        }
        Object lock = ownerOfSynchronizer(blocker);
        if (lock != null) {
            return name(run, lock);
        }
        if (isCondition(blocker)) {
            if (Creations.siteOf(blocker) >= 0 || run.names.given(blocker) != null) {
                return "a signal on " + name(run, blocker);
            }
            Object sync = read(CONDITION_OUTER, blocker);
            Object outer = sync == null ? null : ownerOfSynchronizer(sync);
            return "a signal on a Condition of " + (outer == null ? "a lock" : name(run, outer));
        }
        return name(run, blocker);
    }

    private static boolean isCondition(Object object) {
        return CONDITION_OUTER != null && CONDITION_OUTER.getDeclaringClass().isInstance(object);
    }

    /** The locks of java.util.concurrent that the actor holds, by name. */
    static List<String> locksOwnedBy(Run run, Actor actor) {
        List<String> owned = new ArrayList<>();
        for (Object created : Creations.all()) {
            Object sync = synchronizerOf(created);
            if (sync != null && exclusiveOwner(sync) == actor.thread) {
                owned.add(name(run, created));
            }
        }
        return owned;
    }

    /** The lock object (created by the student's code) whose synchronizer this is, or null. */
    private static Object ownerOfSynchronizer(Object sync) {
        for (Object created : Creations.all()) {
            if (synchronizerOf(created) == sync) {
                return created;
            }
        }
        return null;
    }

    private static Object synchronizerOf(Object lock) {
        Field field = lock instanceof ReentrantLock ? REENTRANT_SYNC
                : lock instanceof ReentrantReadWriteLock ? READ_WRITE_SYNC
                : lock instanceof Semaphore ? SEMAPHORE_SYNC
                : lock instanceof CountDownLatch ? LATCH_SYNC : null;
        return field == null ? null : read(field, lock);
    }

    private static Object read(Field field, Object target) {
        try {
            return field.get(target);
        } catch (IllegalAccessException | RuntimeException e) {
            return null;
        }
    }

    private static Field field(Class<?> type, String name) {
        try {
            Field field = type.getDeclaredField(name);
            field.setAccessible(true);
            return field;
        } catch (NoSuchFieldException | RuntimeException e) {
            return null;
        }
    }

    private static Field conditionOuter() {
        try {
            Class<?> type = Class.forName("java.util.concurrent.locks.AbstractQueuedSynchronizer$ConditionObject");
            Field field = type.getDeclaredField("this$0");
            field.setAccessible(true);
            return field;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }
}
