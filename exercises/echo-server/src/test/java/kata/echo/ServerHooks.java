package kata.echo;

import java.util.HashSet;
import java.util.Set;
import kata.support.agent.StudentCode;
import kata.support.boot.Dispatcher;
import kata.support.boot.Hooks;

/**
 * The kata agent's hooks in the server's code, for checks that watch the server's real threads: every
 * hook a subclass does not override answers "not controlled", so the JDK does what it always does. It
 * learns which threads the server starts (installed before the server is created), and tells a
 * subclass of each call of the server's code on a java.util object ({@link #called}).
 */
abstract class ServerHooks implements Dispatcher, AutoCloseable {

    /** Threads started from the server's code, or by such threads. */
    private final Set<Thread> server = new HashSet<>();

    /** Installs the hooks; before the server is created, so that they see which threads it starts. */
    static <T extends ServerHooks> T install(T hooks) {
        if (!StudentCode.agentActive()) {
            throw new IllegalStateException("This check watches the server's threads, and needs the kata agent,"
                    + " which `mvn verify` and the grader add (-javaagent:kata-support.jar=<classes dir>).");
        }
        Hooks.install(hooks);
        return hooks;
    }

    @Override
    public void close() {
        Hooks.install(null);
    }

    /** The threads the server started (alive or not). */
    final synchronized Set<Thread> serverThreads() {
        return Set.copyOf(server);
    }

    final synchronized boolean isServerThread(Thread thread) {
        return server.contains(thread);
    }

    /** The server's code calls a method of a java.util object, {@code receiver}; {@code site} names it. */
    void called(Object receiver, int site) {
    }

    /** System calls in which a thread waits for a socket: a read, an accept, a poll, a selector's wait. */
    private static final Set<String> WAITING_CALLS = Set.of("read0", "readv0", "accept", "accept0", "poll", "poll0",
            "wait");

    /**
     * Whether the thread waits in the system for a socket: a read or a selector's select, and also an
     * accept when {@code acceptToo}. (Not a close or a write: those end of themselves.)
     */
    static boolean inSocketCall(StackTraceElement[] stack, boolean acceptToo) {
        if (stack.length == 0 || !stack[0].isNativeMethod() || !stack[0].getClassName().startsWith("sun.nio.ch.")
                || !WAITING_CALLS.contains(stack[0].getMethodName())) {
            return false;
        }
        for (StackTraceElement frame : stack) {
            String type = frame.getClassName();
            String method = frame.getMethodName();
            boolean read = (type.equals("sun.nio.ch.NioSocketImpl") || type.equals("sun.nio.ch.SocketChannelImpl"))
                    && (method.equals("read") || method.endsWith("Read"));
            boolean select = type.equals("sun.nio.ch.SelectorImpl") && method.endsWith("elect");
            boolean accept = (type.equals("sun.nio.ch.NioSocketImpl") || type.equals("sun.nio.ch.ServerSocketChannelImpl"))
                    && (method.equals("accept") || method.endsWith("Accept"));
            if (read || select || acceptToo && accept) {
                return true;
            }
        }
        return false;
    }

    // ---- the dispatcher ----------------------------------------------------------------------

    @Override
    public boolean point(int site, int kind) {
        return false;
    }

    @Override
    public boolean field(Object object, int site) {
        // Also called before an access to a field of one of the server's own objects: not a call.
        if (object != null && object.getClass().getName().startsWith("java.util.")) {
            called(object, site);
        }
        return false;
    }

    @Override
    public boolean monitorEnter(Object monitor, int site) {
        return false;
    }

    @Override
    public boolean monitorEntered(Object monitor, int site) {
        return false;
    }

    @Override
    public boolean monitorExited(Object monitor, int site) {
        return false;
    }

    @Override
    public boolean waitOn(Object monitor, long millis, int nanos, int site) {
        return false;
    }

    @Override
    public boolean notifyOne(Object monitor, int site) {
        return false;
    }

    @Override
    public boolean notifyEvery(Object monitor, int site) {
        return false;
    }

    @Override
    public void initializer(boolean entering) {
    }

    @Override
    public long nanoTime() {
        return Long.MIN_VALUE;
    }

    @Override
    public long currentTimeMillis() {
        return Long.MIN_VALUE;
    }

    @Override
    public boolean sleep(long nanos) {
        return false;
    }

    @Override
    public boolean yieldHint(int site) {
        return false;
    }

    @Override
    public final void threadStarting(Thread thread) {
        Thread me = Thread.currentThread();
        if (isServerThread(me) || StudentCode.firstStudentFrame(me.getStackTrace()) != null) {
            synchronized (this) {
                server.add(thread);
            }
            serverThreadStarting(thread);
        }
    }

    /** {@code thread}, about to start, is the server's: called on the thread that starts it. */
    void serverThreadStarting(Thread thread) {
    }

    @Override
    public void threadBegins() {
    }

    @Override
    public void threadExits() {
    }

    @Override
    public boolean join(Thread thread, long millis) {
        return false;
    }

    @Override
    public int isAlive(Thread thread) {
        return -1;
    }

    @Override
    public Thread.State state(Thread thread) {
        return null;
    }

    @Override
    public void interrupting(Thread thread) {
    }

    @Override
    public boolean park(Object blocker, int mode, long time) {
        return false;
    }

    @Override
    public boolean unpark(Thread thread) {
        return false;
    }
}
