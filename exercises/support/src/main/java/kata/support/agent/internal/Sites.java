package kata.support.agent.internal;

import java.util.Arrays;

/** The table of scheduling points, filled by the instrumenter as classes load. */
public final class Sites {

    private static Site[] table = new Site[256];
    private static int size;
    /** Copy-on-write, so the scheduler can read it at every point without locking. */
    private static volatile boolean[] synchronization = new boolean[256];

    private Sites() {
    }

    public static synchronized int register(Site site) {
        if (size == table.length) {
            table = Arrays.copyOf(table, size * 2);
        }
        table[size] = site;
        boolean[] flags = size < synchronization.length ? synchronization
                : Arrays.copyOf(synchronization, synchronization.length * 2);
        flags[size] = site.synchronization();
        synchronization = flags;
        return size++;
    }

    /**
     * A scheduling point in a check's own code (not instrumented, so it calls the hooks itself), named
     * in traces by {@code where}.
     */
    public static int ofCheck(Site.Kind kind, String where) {
        return register(new Site(kind, "", "", where, 0));
    }

    /** True when the site is a synchronization point (see {@link Site#synchronization()}). */
    public static boolean isSynchronization(int id) {
        boolean[] flags = synchronization;
        return id >= 0 && id < flags.length && flags[id];
    }

    /** Calls through which threads synchronize; the instrumenter names owners by simple name. */
    static boolean isSynchronizationCall(String owner, String member) {
        return CONCURRENT_OWNERS.contains(owner)
                || (owner.equals("Object") && (member.equals("wait") || member.startsWith("notify")))
                || owner.equals("Thread");
    }

    private static final java.util.Set<String> CONCURRENT_OWNERS = java.util.Set.of(
            "ReentrantLock", "Lock", "ReadLock", "WriteLock", "ReentrantReadWriteLock", "StampedLock", "Condition",
            "Semaphore", "CountDownLatch", "CyclicBarrier", "Phaser", "Exchanger", "LockSupport",
            "AtomicInteger", "AtomicLong", "AtomicBoolean", "AtomicReference", "AtomicIntegerArray",
            "AtomicLongArray", "AtomicReferenceArray", "LongAdder", "VarHandle", "BlockingQueue",
            "ArrayBlockingQueue", "LinkedBlockingQueue", "SynchronousQueue", "ExecutorService", "Executor",
            "ThreadPoolExecutor", "Future", "CompletableFuture", "FutureTask", "ConcurrentHashMap",
            "ConcurrentMap", "ConcurrentLinkedQueue", "CopyOnWriteArrayList");

    /** The site with this id; ids come from instrumented bytecode. */
    public static synchronized Site get(int id) {
        if (id < 0 || id >= size) {
            throw new IllegalArgumentException("unknown scheduling point " + id);
        }
        return table[id];
    }
}
