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
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * A line-based TCP echo server on the loopback interface: every line a client sends (bytes up to
 * and including '\n') comes back to that client unchanged. At most {@code maxClients} clients are
 * served at the same time; further clients wait until one leaves.
 */
public class EchoServer implements AutoCloseable {

    private final int maxClients;
    private final Set<Socket> clients = ConcurrentHashMap.newKeySet();

    private volatile boolean closing;
    private boolean started;           // guarded by this
    private ServerSocket listener;     // guarded by this
    private ExecutorService pool;      // guarded by this

    public EchoServer(int maxClients) {
        if (maxClients < 1) {
            throw new IllegalArgumentException("maxClients must be at least 1, was " + maxClients);
        }
        this.maxClients = maxClients;
    }

    /** Binds a free port on 127.0.0.1 (port 0), starts accepting clients in the background, returns the port. */
    public synchronized int start() throws IOException {
        if (started || closing) {
            throw new IllegalStateException("an EchoServer can be started once, and not after stop()");
        }
        ServerSocket ss = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        ExecutorService handlers = Executors.newFixedThreadPool(maxClients);
        listener = ss;
        pool = handlers;
        started = true;
        Thread acceptor = new Thread(() -> acceptLoop(ss, handlers), "echo-acceptor");
        acceptor.setDaemon(true);
        acceptor.start();
        return ss.getLocalPort();
    }

    private void acceptLoop(ServerSocket ss, ExecutorService handlers) {
        while (!closing) {
            Socket client;
            try {
                client = ss.accept();
            } catch (IOException e) {
                return; // stop() closed the listener
            }
            clients.add(client);
            if (closing) {             // stop() may have swept the set already
                clients.remove(client);
                closeQuietly(client);
                return;
            }
            try {
                handlers.execute(() -> handle(client));
            } catch (RejectedExecutionException e) {
                clients.remove(client);
                closeQuietly(client);
            }
        }
    }

    private void handle(Socket client) {
        try (client) {
            InputStream in = new BufferedInputStream(client.getInputStream());
            OutputStream out = client.getOutputStream();
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            for (int b; (b = in.read()) != -1; ) {
                line.write(b);
                if (b == '\n') {
                    line.writeTo(out);
                    out.flush();
                    line.reset();
                }
            }
        } catch (IOException e) {
            // closed by the client or by stop()
        } finally {
            clients.remove(client);
        }
    }

    /**
     * Closes the listener and every client connection, and returns once the accepting thread and
     * every handler have ended.
     */
    public void stop() throws InterruptedException {
        ServerSocket ss;
        ExecutorService handlers;
        synchronized (this) {
            if (closing || !started) {
                closing = true;
                return;
            }
            closing = true;
            ss = listener;
            handlers = pool;
        }
        closeQuietly(ss);              // ends accept(): the acceptor thread finishes by itself
        for (Socket s : clients) {
            closeQuietly(s);
        }
        handlers.shutdown();
        handlers.awaitTermination(Long.MAX_VALUE, TimeUnit.NANOSECONDS);
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception ignored) {
            // nothing more to do
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
