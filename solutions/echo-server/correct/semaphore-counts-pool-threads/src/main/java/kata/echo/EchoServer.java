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
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

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

    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final Set<Socket> clients = ConcurrentHashMap.newKeySet();
    /** One permit once the accepting thread has ended. */
    private final Semaphore acceptorEnded = new Semaphore(0);
    /** One permit per pool thread that has ended. */
    private final Semaphore threadsEnded = new Semaphore(0);
    private final AtomicInteger threadsStarted = new AtomicInteger();
    private volatile ServerSocket listener;
    private volatile ExecutorService pool;

    /** Binds a free port on 127.0.0.1 (port 0), starts accepting clients in the background, returns the port. */
    public int start() throws IOException {
        if (!started.compareAndSet(false, true)) {
            throw new IllegalStateException("already started");
        }
        listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        pool = Executors.newFixedThreadPool(maxClients, this::newTrackedThread);
        Thread acceptor = new Thread(() -> {
            try {
                acceptLoop();
            } finally {
                acceptorEnded.release();
            }
        }, "echo-acceptor");
        acceptor.start();
        return listener.getLocalPort();
    }

    private Thread newTrackedThread(Runnable work) {
        threadsStarted.incrementAndGet();
        return new Thread(() -> {
            try {
                work.run();
            } finally {
                threadsEnded.release();
            }
        }, "echo-handler");
    }

    private void acceptLoop() {
        while (true) {
            Socket client;
            try {
                client = listener.accept();
            } catch (IOException e) {
                return;
            }
            clients.add(client);
            try {
                pool.execute(() -> {
                    try {
                        serve(client);
                    } finally {
                        clients.remove(client);
                    }
                });
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
        if (!started.get() || !stopped.compareAndSet(false, true)) {
            return;
        }
        closeQuietly(listener);
        try {
            acceptorEnded.acquire();
        } finally {
            // Also when the wait is interrupted: a later stop() returns at once, so nothing may stay open.
            for (Socket client : clients) {
                closeQuietly(client);
            }
            pool.shutdown();
        }
        // a pool thread is counted before it starts, by a thread that is itself still counted
        int taken = 0;
        while (taken < threadsStarted.get()) {
            threadsEnded.acquire();
            taken++;
        }
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
