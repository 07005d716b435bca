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
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

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

    private final Object lock = new Object();
    private final Set<Socket> clients = ConcurrentHashMap.newKeySet();
    private ServerSocket listener;
    private Thread acceptor;
    private ExecutorService pool;
    private boolean started;
    private boolean stopped;
    private final ReentrantLock countLock = new ReentrantLock();
    private final Condition allEnded = countLock.newCondition();
    private int liveHandlers;

    /** Binds a free port on 127.0.0.1 (port 0), starts accepting clients in the background, returns the port. */
    public int start() throws IOException {
        synchronized (lock) {
            if (started) {
                throw new IllegalStateException("already started");
            }
            ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            started = true;
            listener = socket;
            pool = Executors.newFixedThreadPool(maxClients);
            acceptor = new Thread(this::acceptLoop, "echo-acceptor");
            acceptor.start();
            return socket.getLocalPort();
        }
    }

    private void acceptLoop() {
        while (true) {
            Socket client;
            try {
                client = listener.accept();
            } catch (IOException e) {
                return; // the listener was closed by stop()
            }
            clients.add(client);
            try {
                pool.execute(() -> handle(client));
            } catch (RejectedExecutionException e) {
                clients.remove(client);
                closeQuietly(client);
            }
        }
    }

    private void handle(Socket client) {
        countLock.lock();
        try {
            liveHandlers++;
        } finally {
            countLock.unlock();
        }
        try {
            serve(client);
        } finally {
            clients.remove(client);
            countLock.lock();
            try {
                liveHandlers--;
                allEnded.signalAll();
            } finally {
                countLock.unlock();
            }
        }
    }

    /**
     * Closes the listener and every client connection, and returns once the accepting thread and
     * every handler have ended.
     */
    public void stop() throws InterruptedException {
        ServerSocket l;
        Thread a;
        ExecutorService p;
        synchronized (lock) {
            if (!started || stopped) {
                return;
            }
            stopped = true;
            l = listener;
            a = acceptor;
            p = pool;
        }
        closeQuietly(l);
        a.join();
        for (Socket client : clients) {
            closeQuietly(client);
        }
        p.shutdown();
        countLock.lock();
        try {
            while (liveHandlers > 0) {
                allEnded.await();
            }
        } finally {
            countLock.unlock();
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
