package kata.echo;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Arrays;
import java.util.Collections;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A line-based TCP echo server on the loopback interface: every line a client sends (bytes up to
 * and including '\n') comes back to that client unchanged. At most {@code maxClients} clients are
 * served at the same time; further clients wait until one leaves.
 */
public class EchoServer implements AutoCloseable {

    private final int maxClients;

    /** null until start() has published a running server; never goes back to null. */
    private final AtomicReference<Running> running = new AtomicReference<>();

    public EchoServer(int maxClients) {
        if (maxClients < 1) {
            throw new IllegalArgumentException("maxClients must be at least 1, was " + maxClients);
        }
        this.maxClients = maxClients;
    }

    /** Everything one start() creates, published at once. */
    private static final class Running {
        final ServerSocket listener;
        final ExecutorService pool;
        final Set<Socket> clients = Collections.newSetFromMap(new ConcurrentHashMap<>());
        final AtomicBoolean stopping = new AtomicBoolean();
        final Thread acceptor;

        Running(ServerSocket listener, int maxClients) {
            this.listener = listener;
            AtomicInteger n = new AtomicInteger();
            ThreadFactory names = r -> new Thread(r, "echo-" + listener.getLocalPort() + "-handler-" + n.incrementAndGet());
            this.pool = Executors.newFixedThreadPool(maxClients, names);
            this.acceptor = new Thread(this::acceptLoop, "echo-" + listener.getLocalPort() + "-acceptor");
        }

        private void acceptLoop() {
            while (true) {
                Socket s;
                try {
                    s = listener.accept();
                } catch (IOException e) {
                    if (listener.isClosed()) {
                        return;
                    }
                    continue;
                }
                // Register first, then look at the flag; stop() sets the flag first, then walks the set.
                // So either stop() sees this socket in the set, or we see the flag: never neither.
                clients.add(s);
                if (stopping.get()) {
                    clients.remove(s);
                    closeQuietly(s);
                    continue; // the next accept() fails once the listener is closed
                }
                pool.execute(() -> serve(s));
            }
        }

        private void serve(Socket s) {
            try {
                InputStream in = s.getInputStream();
                OutputStream out = s.getOutputStream();
                byte[] data = new byte[4096];
                int start = 0;   // first byte of the line being assembled
                int end = 0;     // data[start..end) received and not yet sent
                while (true) {
                    if (end == data.length) {
                        if (start > 0) { // make room by moving the unfinished line to the front
                            System.arraycopy(data, start, data, 0, end - start);
                            end -= start;
                            start = 0;
                        } else {
                            data = Arrays.copyOf(data, data.length * 2);
                        }
                    }
                    int n = in.read(data, end, data.length - end);
                    if (n < 0) {
                        return; // client finished; an unfinished line in data[start..end) is dropped
                    }
                    int scanFrom = end;
                    end += n;
                    for (int i = scanFrom; i < end; i++) {
                        if (data[i] == '\n') {
                            out.write(data, start, i + 1 - start);
                            start = i + 1;
                        }
                    }
                    if (start == end) {
                        start = end = 0;
                    }
                    out.flush();
                }
            } catch (IOException e) {
                // connection broken, or closed by stop()
            } finally {
                clients.remove(s);
                closeQuietly(s);
            }
        }
    }

    /** Binds a free port on 127.0.0.1 (port 0), starts accepting clients in the background, returns the port. */
    public int start() throws IOException {
        if (running.get() != null) {
            throw new IllegalStateException("already started");
        }
        Running r = new Running(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()), maxClients);
        r.acceptor.start();
        if (!running.compareAndSet(null, r)) { // lost a race with another start(): undo ours
            closeQuietly(r.listener); // its acceptor ends on the closed listener, having accepted nobody we keep
            r.pool.shutdown();
            throw new IllegalStateException("already started");
        }
        return r.listener.getLocalPort();
    }

    /**
     * Closes the listener and every client connection, and returns once the accepting thread and
     * every handler have ended.
     */
    public void stop() throws InterruptedException {
        Running r = running.get();
        if (r == null) {
            return; // never started
        }
        // Every caller runs every step; all of them are idempotent, so a repeated, concurrent or
        // interrupted-and-retried stop() waits for the same end.
        r.stopping.set(true);
        closeQuietly(r.listener);
        for (Socket s : r.clients) {
            closeQuietly(s);
        }
        r.acceptor.join();
        r.pool.shutdown();
        while (!r.pool.awaitTermination(30, TimeUnit.SECONDS)) {
            for (Socket s : r.clients) {
                closeQuietly(s);
            }
        }
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception ignored) {
            // best effort
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
