package kata.support.agent.internal;

/**
 * One scheduling point in the student's bytecode: what the code is about to do there, and where.
 *
 * @param kind   the operation that follows (or just happened, for LOCKED/UNLOCKED/RETURNED)
 * @param owner  the class of the field or method, as written in source (e.g. {@code Counter})
 * @param member field or method name; empty for array elements and monitors
 * @param file   the source file, e.g. {@code Counter.java}
 * @param line   the source line, or 0 when unknown
 * @param racy   for a field access: the field is neither volatile nor final, so reading it while
 *               another thread writes it needs a lock (or some other happens-before edge)
 */
public record Site(Kind kind, String owner, String member, String file, int line, boolean racy) {

    public Site(Kind kind, String owner, String member, String file, int line) {
        this(kind, owner, member, file, line, false);
    }

    /** What happens at a scheduling point, phrased for a student reading a trace. */
    public enum Kind {
        READ("reads"),
        WRITE("writes"),
        ARRAY_READ("reads an element of"),
        ARRAY_WRITE("writes an element of"),
        LOCK("locks"),
        LOCKED("locked"),
        UNLOCKED("unlocked"),
        CALL("calls"),
        RETURNED("returned from");

        private final String verb;

        Kind(String verb) {
            this.verb = verb;
        }

        public String verb() {
            return verb;
        }
    }

    /** True for points where threads synchronize: locks, java.util.concurrent, wait/notify, Thread. */
    public boolean synchronization() {
        return switch (kind) {
            case LOCK, LOCKED, UNLOCKED, RETURNED -> true;
            case CALL -> !owner.isEmpty() && !member.isEmpty() && Sites.isSynchronizationCall(owner, member);
            default -> false;
        };
    }

    /** "Counter.java:12", or the file alone when the line is unknown. */
    public String location() {
        return line > 0 ? file + ":" + line : file;
    }

    /** The target, e.g. {@code Counter.value} or {@code AtomicInteger.get()}. */
    public String target() {
        return switch (kind) {
            case READ, WRITE -> owner + "." + member;
            case CALL, RETURNED -> owner + "." + member + "()";
            case ARRAY_READ, ARRAY_WRITE -> "an array";
            case LOCK, LOCKED, UNLOCKED -> "a monitor";
        };
    }
}
