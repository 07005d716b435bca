package kata.echo;

import java.net.Socket;
import java.nio.channels.SocketChannel;
import java.util.Collection;
import java.util.Iterator;
import java.util.concurrent.locks.LockSupport;
import kata.support.agent.internal.Sites;

/**
 * Makes "a handler forgets its connection while stop() walks the connections" show on every run. When
 * stop() closes a connection, its handler wakes up, ends and takes its socket out of the server's
 * set, usually while stop() goes on to the next connection. Whether that happens before stop()'s
 * loop takes its next element is a matter of speed; an iterator that is not safe against such a
 * change (a {@code HashSet}'s, or a {@code Collections.synchronizedSet}'s walked without holding the
 * set's lock) throws {@code ConcurrentModificationException} only when it does.
 *
 * <p>So, through the kata agent's hooks in the server's code: once stop() has taken the first element
 * of an iterator over a collection of sockets, it is held at its next call on that iterator until a
 * thread of the server that was reading a socket (or in a selector's select) when the walk began has
 * left it, and every thread of the server is quiet again (it waits, is blocked, has ended, or waits
 * for a socket in the system). Closing a connection ends its handler's read; a correct stop() is indifferent to how
 * long it is held there. The wait has a bound only as a backstop (a stop() whose first element was
 * not a connection being read).
 */
final class SlowSweep extends ServerHooks {

    private volatile Thread stopper;
    // Touched by the stopping thread only.
    private boolean walkBegan;
    private int readersWhenTheWalkBegan;
    /** The iterator over the sockets, once stop() took its first element. */
    private Iterator<?> walk;
    private boolean held;

    private SlowSweep() {
    }

    /** Installs the hooks before the server is created: they learn which threads the server starts. */
    static SlowSweep install() {
        return install(new SlowSweep());
    }

    /** Starts a thread that calls stop(), held after the first connection it walks. */
    Stopping stop(EchoServer server) {
        Stopping stopping = new Stopping(server);
        stopper = stopping.thread();
        stopping.thread().start();
        return stopping;
    }

    /** A call of stop()'s on a java.util object: the walk begins, takes its first element, goes on. */
    @Override
    void called(Object receiver, int site) {
        if (Thread.currentThread() != stopper || held) {
            return;
        }
        String member = Sites.get(site).member();
        if (!walkBegan && receiver instanceof Collection<?> collection && member.equals("iterator")) {
            if (holdsSockets(collection)) {
                readersWhenTheWalkBegan = readers();
                walkBegan = true;
            }
        } else if (walkBegan && walk == null && receiver instanceof Iterator<?> iterator && member.equals("next")) {
            walk = iterator;
        } else if (receiver == walk) {
            held = true;
            awaitHandlerGone();
        }
    }

    private void awaitHandlerGone() {
        Deadline deadline = Deadline.in(EchoServerTest.PATIENCE);
        while (!deadline.passed() && !(readers() < readersWhenTheWalkBegan && quiet())) {
            // The JVM tells no one when a thread leaves a read or blocks: look again soon.
            LockSupport.parkNanos(1_000_000L);
        }
    }

    private static boolean holdsSockets(Collection<?> collection) {
        try {
            for (Object element : collection.toArray()) {
                if (element instanceof Socket || element instanceof SocketChannel) {
                    return true;
                }
            }
        } catch (RuntimeException changedMeanwhile) {
            // A collection that is not thread-safe, changed by another thread: not judged here.
        }
        return false;
    }

    /** How many threads of the server are in a socket read. */
    private int readers() {
        int readers = 0;
        for (Thread thread : serverThreads()) {
            if (thread.getState() == Thread.State.RUNNABLE && inSocketCall(thread.getStackTrace(), false)) {
                readers++;
            }
        }
        return readers;
    }

    /** Every thread of the server waits, is blocked, has ended, or waits for a socket in the system. */
    private boolean quiet() {
        for (Thread thread : serverThreads()) {
            if (thread.getState() == Thread.State.RUNNABLE && !inSocketCall(thread.getStackTrace(), true)) {
                return false;
            }
        }
        return true;
    }
}
