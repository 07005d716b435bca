package kata.echo;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Collections;
import java.util.HashSet;
import java.util.Set;
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
    /** Thread-safe: every add/remove goes through the synchronized wrapper. */
    private final Set<Socket> openSockets = Collections.synchronizedSet(new HashSet<>());

    private ServerSocket serverSocket; // guarded by this
    private Thread acceptThread;       // guarded by this
    private ExecutorService workers;   // guarded by this
    private boolean stopCalled;        // guarded by this

    public EchoServer(int maxClients) {
        if (maxClients < 1) {
            throw new IllegalArgumentException("maxClients must be at least 1, was " + maxClients);
        }
        this.maxClients = maxClients;
    }

    /** Binds a free port on 127.0.0.1 (port 0), starts accepting clients in the background, returns the port. */
    public synchronized int start() throws IOException {
        if (serverSocket != null) {
            throw new IllegalStateException("already started");
        }
        ServerSocket ss = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        ExecutorService pool = Executors.newFixedThreadPool(maxClients);
        serverSocket = ss;
        workers = pool;
        acceptThread = new Thread(() -> acceptLoop(ss, pool), "echo-server-accept");
        acceptThread.start();
        return ss.getLocalPort();
    }

    private void acceptLoop(ServerSocket ss, ExecutorService pool) {
        while (!ss.isClosed()) {
            try {
                Socket s = ss.accept();
                openSockets.add(s);
                pool.submit(() -> echoLoop(s));
            } catch (IOException e) {
                // closed by stop(): the loop condition ends us; otherwise try the next client
            }
        }
    }

    private void echoLoop(Socket s) {
        try {
            InputStream in = new BufferedInputStream(s.getInputStream());
            OutputStream out = s.getOutputStream();
            ByteArrayOutputStream pending = new ByteArrayOutputStream();
            for (int b = in.read(); b != -1; b = in.read()) {
                pending.write(b);
                if (b == '\n') {
                    out.write(pending.toByteArray());
                    pending.reset();
                }
            }
        } catch (IOException e) {
            // the connection is gone
        } finally {
            openSockets.remove(s);
            try {
                s.close();
            } catch (IOException ignored) {
                // nothing to do
            }
        }
    }

    /**
     * Closes the listener and every client connection, and returns once the accepting thread and
     * every handler have ended.
     */
    public void stop() throws InterruptedException {
        ServerSocket ss;
        Thread t;
        ExecutorService pool;
        synchronized (this) {
            if (serverSocket == null || stopCalled) {
                return;
            }
            stopCalled = true;
            ss = serverSocket;
            t = acceptThread;
            pool = workers;
        }
        try {
            ss.close();
        } catch (IOException ignored) {
            // already closed
        }
        t.join();
        for (Socket s : openSockets) {
            try {
                s.close();
            } catch (IOException ignored) {
                // already closed
            }
        }
        pool.shutdown();
        while (!pool.awaitTermination(1, TimeUnit.MINUTES)) {
            // keep waiting: every handler ends once its socket is closed
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
