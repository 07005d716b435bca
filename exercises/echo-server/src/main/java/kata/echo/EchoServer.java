package kata.echo;

import java.io.IOException;

/**
 * A line-based TCP echo server on the loopback interface: every line a client sends (bytes up to
 * and including '\n') comes back to that client unchanged. At most {@code maxClients} clients are
 * served at the same time; further clients wait until one leaves.
 */
public class EchoServer implements AutoCloseable {

    private final int maxClients;

    public EchoServer(int maxClients) {
        if (maxClients < 1) {
            throw new IllegalArgumentException("maxClients must be at least 1, was " + maxClients);
        }
        this.maxClients = maxClients;
    }

    /** Binds a free port on 127.0.0.1 (port 0), starts accepting clients in the background, returns the port. */
    public int start() throws IOException {
        throw new UnsupportedOperationException("EchoServer.start() is not written yet: open a ServerSocket on port 0"
                + " of InetAddress.getLoopbackAddress(), start one thread that accepts clients and hands each to"
                + " at most " + maxClients + " handler threads (a fixed pool), and return getLocalPort().");
    }

    /**
     * Closes the listener and every client connection, and returns once the accepting thread and
     * every handler have ended.
     */
    public void stop() throws InterruptedException {
        throw new UnsupportedOperationException("EchoServer.stop() is not written yet: close the ServerSocket (that"
                + " ends accept()), close every client's socket (that ends their blocked reads), then wait for the"
                + " accepting thread and the handler pool to finish.");
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
