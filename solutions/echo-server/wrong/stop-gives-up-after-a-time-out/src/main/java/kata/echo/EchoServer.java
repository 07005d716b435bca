package kata.echo;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A line-based TCP echo server on the loopback interface: every line a client sends (bytes up to
 * and including '\n') comes back to that client unchanged. At most {@code maxClients} clients are
 * served at the same time; further clients wait until one leaves.
 */
public class EchoServer implements AutoCloseable {

    /** How long stop() gives the handlers to finish once their sockets are closed. */
    private static final long HANDLER_GRACE_SECONDS = 5;

    private final int maxClients;
    private final Set<Socket> connections = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean stopped = new AtomicBoolean();

    private volatile ServerSocket server;
    private volatile Thread acceptor;
    private volatile ExecutorService handlers;

    public EchoServer(int maxClients) {
        if (maxClients < 1) {
            throw new IllegalArgumentException("maxClients must be at least 1, was " + maxClients);
        }
        this.maxClients = maxClients;
    }

    /** Binds a free port on 127.0.0.1 (port 0), starts accepting clients in the background, returns the port. */
    public int start() throws IOException {
        if (!started.compareAndSet(false, true)) {
            throw new IllegalStateException("already started");
        }
        ServerSocket ss = new ServerSocket();
        ss.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        ExecutorService pool = Executors.newFixedThreadPool(maxClients);
        Thread t = new Thread(() -> {
            while (true) {
                Socket client;
                try {
                    client = ss.accept();
                } catch (IOException e) {
                    if (ss.isClosed()) {
                        return; // the listener was closed by stop()
                    }
                    continue;
                }
                connections.add(client);
                pool.execute(() -> serve(client));
            }
        }, "echo-acceptor");
        server = ss;
        handlers = pool;
        acceptor = t;
        t.start();
        return ss.getLocalPort();
    }

    private void serve(Socket client) {
        try (client) {
            InputStream in = client.getInputStream();
            OutputStream out = client.getOutputStream();
            byte[] buf = new byte[4096];
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            int n;
            while ((n = in.read(buf)) > 0) {
                int from = 0;
                for (int i = 0; i < n; i++) {
                    if (buf[i] == '\n') {
                        line.write(buf, from, i + 1 - from);
                        out.write(line.toByteArray());
                        line.reset();
                        from = i + 1;
                    }
                }
                line.write(buf, from, n - from);
            }
        } catch (IOException e) {
            // the client left or stop() closed the socket
        } finally {
            connections.remove(client);
        }
    }

    /**
     * Closes the listener and every client connection, and returns once the accepting thread and
     * every handler have ended.
     */
    public void stop() throws InterruptedException {
        if (!started.get() || !stopped.compareAndSet(false, true)) {
            return;
        }
        try {
            server.close();
        } catch (IOException ignored) {
            // already closed
        }
        acceptor.join();
        for (Socket s : connections) {
            try {
                s.close();
            } catch (IOException ignored) {
                // already closed
            }
        }
        handlers.shutdown();
        if (!handlers.awaitTermination(HANDLER_GRACE_SECONDS, TimeUnit.SECONDS)) {
            handlers.shutdownNow();
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
