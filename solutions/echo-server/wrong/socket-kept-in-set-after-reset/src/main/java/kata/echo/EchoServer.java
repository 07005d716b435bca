package kata.echo;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A line-based TCP echo server on the loopback interface: every line a client sends (bytes up to
 * and including '\n') comes back to that client unchanged. At most {@code maxClients} clients are
 * served at the same time; further clients wait until one leaves.
 */
public class EchoServer implements AutoCloseable {

    private final int maxClients;

    // All lifecycle fields are guarded by "this"; start() and stop() are synchronized, so a second
    // stop() running at the same time as the first simply waits for it and then finds nothing to do.
    private ServerSocket listener;
    private Thread acceptor;
    private ExecutorService pool;
    private final Set<Socket> clients = ConcurrentHashMap.newKeySet();

    public EchoServer(int maxClients) {
        if (maxClients < 1) {
            throw new IllegalArgumentException("maxClients must be at least 1, was " + maxClients);
        }
        this.maxClients = maxClients;
    }

    /** Binds a free port on 127.0.0.1 (port 0), starts accepting clients in the background, returns the port. */
    public synchronized int start() throws IOException {
        if (listener != null) {
            throw new IllegalStateException("start() was already called");
        }
        ServerSocket ss = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        ExecutorService handlers = Executors.newFixedThreadPool(maxClients);
        Thread t = new Thread(() -> acceptLoop(ss, handlers), "echo-acceptor-" + ss.getLocalPort());
        listener = ss;
        pool = handlers;
        acceptor = t;
        t.start();
        return ss.getLocalPort();
    }

    private void acceptLoop(ServerSocket ss, ExecutorService handlers) {
        while (true) {
            Socket s;
            try {
                s = ss.accept();
            } catch (IOException e) {
                if (ss.isClosed()) {
                    return; // stop() closed the listener: the normal way out
                }
                continue; // a failed accept of one client (e.g. reset before accept) is not the end
            }
            clients.add(s); // registered before it is queued, so stop() can always close it
            handlers.execute(() -> serve(s));
        }
    }

    private void serve(Socket s) {
        try (s) {
            InputStream in = new BufferedInputStream(s.getInputStream());
            OutputStream out = s.getOutputStream();
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            int b;
            while ((b = in.read()) != -1) {
                line.write(b);
                if (b == '\n') {
                    line.writeTo(out);
                    out.flush();
                    line.reset();
                }
            }
            // end of stream: whatever is in "line" has no '\n' and is dropped; this client is done
            clients.remove(s);
        } catch (IOException e) {
            // connection broken, or closed by stop(): the try closes the socket either way
        }
    }

    /**
     * Closes the listener and every client connection, and returns once the accepting thread and
     * every handler have ended.
     */
    public synchronized void stop() throws InterruptedException {
        if (listener == null) {
            return; // never started
        }
        // Every step is idempotent, so a stop() that was interrupted half-way can simply be called again.
        closeQuietly(listener);
        acceptor.join(); // after this, every accepted socket is in the set
        for (Socket s : clients) {
            closeQuietly(s);
        }
        pool.shutdown();
        while (!pool.awaitTermination(1, TimeUnit.MINUTES)) {
            for (Socket s : clients) { // nothing should be left, but be thorough
                closeQuietly(s);
            }
        }
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception ignored) {
            // closing is best effort
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
