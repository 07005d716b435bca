package kata.echo;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;

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

    private final Set<Socket> clients = ConcurrentHashMap.newKeySet();
    private final Queue<Future<?>> handlers = new ConcurrentLinkedQueue<>();
    private ServerSocket listener;
    private ExecutorService pool;
    private Thread acceptor;
    private boolean stopped;

    /** Binds a free port on 127.0.0.1 (port 0), starts accepting clients in the background, returns the port. */
    public synchronized int start() throws IOException {
        if (listener != null || stopped) {
            throw new IllegalStateException("already started");
        }
        listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        pool = Executors.newFixedThreadPool(maxClients);
        acceptor = new Thread(this::acceptLoop, "echo-acceptor");
        acceptor.start();
        return listener.getLocalPort();
    }

    private void acceptLoop() {
        ServerSocket l;
        ExecutorService p;
        synchronized (this) {
            l = listener;
            p = pool;
        }
        while (true) {
            Socket client;
            try {
                client = l.accept();
            } catch (IOException e) {
                return;
            }
            clients.add(client);
            try {
                handlers.add(p.submit(() -> {
                    try {
                        serve(client);
                    } finally {
                        clients.remove(client);
                    }
                }));
            } catch (RejectedExecutionException e) {
                clients.remove(client);
                closeQuietly(client);
            }
        }
    }

    /**
     * Closes the listener and every client connection, and returns once the accepting thread and
     * every handler have ended.
     */
    public void stop() throws InterruptedException {
        ServerSocket l;
        ExecutorService p;
        Thread a;
        synchronized (this) {
            if (listener == null || stopped) {
                return;
            }
            stopped = true;
            l = listener;
            p = pool;
            a = acceptor;
        }
        closeQuietly(l);
        try {
            a.join(); // from here on, no client is accepted and no handler is submitted
        } finally {
            // Also when the join is interrupted: a later stop() returns at once, so nothing may stay open.
            for (Socket client : clients) {
                closeQuietly(client);
            }
            p.shutdown();
        }
        for (Future<?> handler : handlers) {
            try {
                handler.get();
            } catch (ExecutionException | CancellationException e) {
                // the handler has ended all the same
            }
        }
        handlers.clear();
    }

    /** Echoes every whole line back, byte for byte, until the client ends its stream or the socket is closed. */
    private static void serve(Socket socket) {
        try (socket) {
            InputStream in = new BufferedInputStream(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            int n;
            while ((n = in.read(buffer)) != -1) {
                int from = 0;
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == '\n') {
                        line.write(buffer, from, i + 1 - from);
                        line.writeTo(out);
                        out.flush();
                        line.reset();
                        from = i + 1;
                    }
                }
                line.write(buffer, from, n - from);
            }
        } catch (IOException e) {
            // the client left or stop() closed the socket: the handler ends
        }
    }

    private static void closeQuietly(Closeable c) {
        try {
            c.close();
        } catch (IOException e) {
            // nothing more to do
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
