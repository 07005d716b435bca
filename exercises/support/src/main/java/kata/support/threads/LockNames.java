package kata.support.threads;

import java.lang.management.LockInfo;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import kata.support.PublicApi;

/**
 * Student-readable names for lock objects ("account A" rather than {@code Account@1b6d3586}).
 * Matched by identity hash code, which is all the JVM's lock reports carry.
 */
@PublicApi
public final class LockNames {

    private static final LockNames NONE = new LockNames(Map.of());

    private final Map<Integer, String> byIdentity;

    private LockNames(Map<Integer, String> byIdentity) {
        this.byIdentity = byIdentity;
    }

    public static LockNames none() {
        return NONE;
    }

    /** Names for the given objects; an object's name is used for its monitor. */
    public static LockNames of(Map<?, String> names) {
        Map<Object, String> identities = new IdentityHashMap<>(names);
        Map<Integer, String> byIdentity = new HashMap<>();
        identities.forEach((object, name) -> byIdentity.put(System.identityHashCode(object), name));
        return new LockNames(Map.copyOf(byIdentity));
    }

    /** The name the test gave this object, or null. */
    public String given(Object object) {
        return byIdentity.get(System.identityHashCode(object));
    }

    /** The name of the object with this identity hash code, or {@code Simple@hash}. */
    public String name(String className, int identityHashCode) {
        String name = byIdentity.get(identityHashCode);
        if (name != null) {
            return name;
        }
        // java.util.concurrent locks report their inner Sync object: name the lock class instead.
        int dollar = className.indexOf('$');
        String visible = className.startsWith("java.util.concurrent.") && dollar > 0
                ? className.substring(0, dollar) : className;
        return visible.substring(visible.lastIndexOf('.') + 1) + "@" + Integer.toHexString(identityHashCode);
    }

    public String name(LockInfo lock) {
        return name(lock.getClassName(), lock.getIdentityHashCode());
    }

    public String name(Object object) {
        return name(object.getClass().getName(), System.identityHashCode(object));
    }
}
