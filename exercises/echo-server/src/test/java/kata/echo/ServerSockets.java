package kata.echo;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;

/**
 * The server's own ends of its connections, as its code keeps them in java.util collections (its set
 * of connections): every socket or socket channel in a collection the server's code calls, at that
 * call (so also just before it is removed) and when a check asks. A client cannot tell whether the
 * server closed its end once the connection broke (a reset ends it on both sides at once); the
 * server's socket object can.
 *
 * <p>Every socket found is kept reachable here until the check ends: a socket the server forgot
 * without closing it would otherwise be closed by the JVM once it is garbage (its cleaner runs after
 * a collection), sooner or later. So are the collections; which of them the server still uses shows
 * in when its code last called each one.
 */
final class ServerSockets extends ServerHooks {

    /** Collections larger than this are not searched (a list of bytes, not of connections). */
    private static final int LARGEST_SEARCHED = 64;

    /** Collections and maps the server's code called, each with the number of its latest call. */
    private final Map<Object, Long> called = new IdentityHashMap<>();
    /** How many calls the server's code made on collections and maps. */
    private long calls;
    /** Each socket (or socket channel) found, with the port of its client (0 if unknown). */
    private final Map<Object, Integer> found = new IdentityHashMap<>();

    private ServerSockets() {
    }

    static ServerSockets install() {
        return install(new ServerSockets());
    }

    @Override
    void called(Object receiver, int site) {
        if (receiver instanceof Collection<?> || receiver instanceof Map<?, ?>) {
            synchronized (this) {
                called.put(receiver, ++calls);
            }
            search(receiver);
        }
    }

    /** The server's end of the connection from the client's {@code clientPort}, if its code keeps it in a collection. */
    Optional<Object> serverEnd(int clientPort) {
        List<Object> collections;
        synchronized (this) {
            collections = new ArrayList<>(called.keySet());
        }
        collections.forEach(this::search);
        synchronized (this) {
            return found.entrySet().stream().filter(socket -> socket.getValue() == clientPort)
                    .map(Map.Entry::getKey).findFirst();
        }
    }

    /** Waits until the server's code has closed {@code socket}, at most until the deadline; false if it had not. */
    static boolean awaitClosed(Object socket, Deadline deadline) {
        while (socket instanceof Socket s ? !s.isClosed() : ((SocketChannel) socket).isOpen()) {
            if (deadline.passed()) {
                return false;
            }
            // Nothing tells when another thread closes a socket: look again soon.
            LockSupport.parkNanos(1_000_000L);
        }
        return true;
    }

    /** How many calls the server's code has made on its collections so far: a point in its history. */
    synchronized long calls() {
        return calls;
    }

    /**
     * Waits until no collection that the server's code called after {@code since} (a value of
     * {@link #calls()}) holds {@code socket}, at most until the deadline; false if one still did. A
     * collection it no longer calls (an old copy of a set it replaced) is no longer the server's.
     */
    boolean awaitForgotten(Object socket, long since, Deadline deadline) {
        while (heldSince(socket, since)) {
            if (deadline.passed()) {
                return false;
            }
            // Nothing tells when another thread removes an element: look again soon.
            LockSupport.parkNanos(1_000_000L);
        }
        return true;
    }

    private boolean heldSince(Object socket, long since) {
        List<Object> collections;
        synchronized (this) {
            collections = called.entrySet().stream().filter(call -> call.getValue() > since).map(Map.Entry::getKey)
                    .toList();
        }
        for (Object collection : collections) {
            // A collection that could not be read this time may hold it.
            if (elements(collection).map(elements -> elements.stream().anyMatch(e -> e == socket)).orElse(true)) {
                return true;
            }
        }
        return false;
    }

    /** Notes the sockets in a collection or map (outside this object's lock: a synchronized collection takes its own). */
    private void search(Object collectionOrMap) {
        for (Object element : elements(collectionOrMap).orElse(List.of())) {
            if (element instanceof Socket || element instanceof SocketChannel) {
                int port = clientPort(element);
                synchronized (this) {
                    found.putIfAbsent(element, port);
                }
            }
        }
    }

    /** The elements of a collection, or the keys and values of a map; empty if it changed while it was read. */
    private static Optional<List<Object>> elements(Object collectionOrMap) {
        List<Object> elements = new ArrayList<>();
        try {
            if (collectionOrMap instanceof Collection<?> collection) {
                addSmall(elements, collection);
            } else if (collectionOrMap instanceof Map<?, ?> map) {
                addSmall(elements, map.keySet());
                addSmall(elements, map.values());
            }
        } catch (RuntimeException changedMeanwhile) {
            // A collection that is not thread-safe, changed by another thread: read again another time.
            return Optional.empty();
        }
        return Optional.of(elements);
    }

    private static void addSmall(List<Object> into, Collection<?> collection) {
        if (collection.size() <= LARGEST_SEARCHED) {
            into.addAll(Arrays.asList(collection.toArray()));
        }
    }

    private static int clientPort(Object socket) {
        if (socket instanceof Socket s) {
            return s.getPort();
        }
        try {
            SocketAddress remote = ((SocketChannel) socket).getRemoteAddress();
            return remote instanceof InetSocketAddress address ? address.getPort() : 0;
        } catch (Exception closedAlready) {
            return 0;
        }
    }
}
