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
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
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

    private static final int NEW = 0, STARTING = 1, RUNNING = 2, STOPPING = 3;

    private final AtomicInteger state = new AtomicInteger(NEW);
    private final Set<Socket> clients = ConcurrentHashMap.newKeySet();
    private final BlockingQueue<Socket> waiting = new LinkedBlockingQueue<>();
    private final List<Thread> workers = new ArrayList<>();
    private volatile ServerSocket listener;
    private volatile CountDownLatch ended;

    /** Binds a free port on 127.0.0.1 (port 0), starts accepting clients in the background, returns the port. */
    public int start() throws IOException {
        if (!state.compareAndSet(NEW, STARTING)) {
            throw new IllegalStateException("already started");
        }
        try {
            listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            state.set(NEW);
            throw e;
        }
        ended = new CountDownLatch(maxClients + 1);
        for (int i = 0; i < maxClients; i++) {
            Thread worker = new Thread(this::work, "echo-handler-" + i);
            workers.add(worker);
        }
        Thread acceptor = new Thread(this::acceptLoop, "echo-acceptor");
        for (Thread worker : workers) {
            worker.start();
        }
        acceptor.start();
        state.set(RUNNING);
        return listener.getLocalPort();
    }

    private void acceptLoop() {
        try {
            while (true) {
                Socket client;
                try {
                    client = listener.accept();
                } catch (IOException e) {
                    return;
                }
                clients.add(client);
                if (state.get() == STOPPING) {
                    // stop() may already have gone through the set: close it here
                    closeQuietly(client);
                }
                waiting.add(client);
            }
        } finally {
            ended.countDown();
        }
    }

    private void work() {
        try {
            while (true) {
                Socket client;
                try {
                    client = waiting.take();
                } catch (InterruptedException e) {
                    return;
                }
                try {
                    serve(client);
                } finally {
                    clients.remove(client);
                }
            }
        } finally {
            ended.countDown();
        }
    }

    /**
     * Closes the listener and every client connection, and returns once the accepting thread and
     * every handler have ended.
     */
    public void stop() throws InterruptedException {
        if (!state.compareAndSet(RUNNING, STOPPING)) {
            return; // never started, or already stopped
        }
        closeQuietly(listener);
        for (Socket client : clients) {
            closeQuietly(client);
        }
        for (Thread worker : workers) {
            worker.interrupt();
        }
        ended.await();
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
