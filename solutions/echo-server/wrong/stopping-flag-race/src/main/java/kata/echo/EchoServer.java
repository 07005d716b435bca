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
    private ServerSocket listener;
    private Thread acceptor;
    private ExecutorService pool;
    private volatile boolean stopping;

    public EchoServer(int maxClients) {
        if (maxClients < 1) {
            throw new IllegalArgumentException("maxClients must be at least 1, was " + maxClients);
        }
        this.maxClients = maxClients;
    }

    /** Binds a free port on 127.0.0.1 (port 0), starts accepting clients in the background, returns the port. */
    public synchronized int start() throws IOException {
        if (listener != null) {
            throw new IllegalStateException("already started");
        }
        ServerSocket ss = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        ExecutorService handlers = Executors.newFixedThreadPool(maxClients);
        Thread t = new Thread(() -> acceptLoop(ss, handlers), "echo-acceptor");
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
                return; // the listener was closed by stop()
            }
            if (stopping) {
                closeQuietly(s); // accepted while stop() runs: do not start serving it
                return;
            }
            clients.add(s); // before the pool, so stop() can close it while it waits in the queue
            try {
                handlers.execute(() -> handle(s));
            } catch (RejectedExecutionException e) {
                clients.remove(s);
                closeQuietly(s);
            }
        }
    }

    private void handle(Socket s) {
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
            // end of stream: an unfinished line is dropped
        } catch (IOException e) {
            // connection broken, or closed by stop()
        } finally {
            clients.remove(s);
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
        stopping = true;
        closeQuietly(listener);
        // the acceptor closes anything it accepts from now on, so the set can be closed right away
        for (Socket s : clients) {
            closeQuietly(s);
        }
        acceptor.join();
        pool.shutdown();
        pool.awaitTermination(Long.MAX_VALUE, TimeUnit.NANOSECONDS);
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception ignored) {
            // nothing to do
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
