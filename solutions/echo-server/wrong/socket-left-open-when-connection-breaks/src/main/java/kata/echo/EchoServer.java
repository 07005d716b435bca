package kata.echo;

import java.io.BufferedInputStream;
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
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A line-based TCP echo server on the loopback interface: every line a client sends (bytes up to
 * and including '\n') comes back to that client unchanged. At most {@code maxClients} clients are
 * served at the same time; further clients wait until one leaves.
 */
public class EchoServer implements AutoCloseable {

    private final int maxClients;
    private final Set<Socket> live = ConcurrentHashMap.newKeySet();
    private final Lock lock = new ReentrantLock();

    private ServerSocket listener;  // guarded by lock
    private Thread acceptor;        // guarded by lock
    private ExecutorService pool;   // guarded by lock
    private boolean running;        // guarded by lock

    public EchoServer(int maxClients) {
        if (maxClients < 1) {
            throw new IllegalArgumentException("maxClients must be at least 1, was " + maxClients);
        }
        this.maxClients = maxClients;
    }

    /** Binds a free port on 127.0.0.1 (port 0), starts accepting clients in the background, returns the port. */
    public int start() throws IOException {
        lock.lock();
        try {
            if (listener != null) {
                throw new IllegalStateException("already started");
            }
            ServerSocket ss = new ServerSocket();
            ss.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            ExecutorService handlers = Executors.newFixedThreadPool(maxClients);
            Thread t = new Thread(() -> acceptLoop(ss, handlers), "echo-acceptor");
            listener = ss;
            pool = handlers;
            acceptor = t;
            running = true;
            t.start();
            return ss.getLocalPort();
        } finally {
            lock.unlock();
        }
    }

    private void acceptLoop(ServerSocket ss, ExecutorService handlers) {
        while (true) {
            final Socket s;
            try {
                s = ss.accept();
            } catch (IOException e) {
                if (ss.isClosed()) {
                    return;
                }
                continue;
            }
            live.add(s);
            handlers.execute(() -> handle(s));
        }
    }

    private void handle(Socket s) {
        try {
            InputStream in = new BufferedInputStream(s.getInputStream(), 16 * 1024);
            OutputStream out = s.getOutputStream();
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            while (true) {
                int b = in.read();
                if (b == -1) {
                    break; // the client closed its side; an unfinished line is dropped
                }
                line.write(b);
                if (b == '\n') {
                    line.writeTo(out);
                    line.reset();
                }
            }
            s.close(); // client is done: hang up
        } catch (IOException e) {
            // connection reset by the client, or closed by stop(): nothing to answer
        } finally {
            live.remove(s);
        }
    }

    /**
     * Closes the listener and every client connection, and returns once the accepting thread and
     * every handler have ended.
     */
    public void stop() throws InterruptedException {
        ServerSocket ss;
        Thread t;
        ExecutorService handlers;
        lock.lock();
        try {
            if (!running) {
                return;
            }
            running = false;
            ss = listener;
            t = acceptor;
            handlers = pool;
        } finally {
            lock.unlock();
        }
        try {
            ss.close();
        } catch (IOException ignored) {
            // fine
        }
        t.join();
        for (Socket s : live) {
            try {
                s.close();
            } catch (IOException ignored) {
                // fine
            }
        }
        handlers.shutdown();
        while (!handlers.awaitTermination(30, TimeUnit.SECONDS)) {
            // handlers end once their sockets are closed
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
