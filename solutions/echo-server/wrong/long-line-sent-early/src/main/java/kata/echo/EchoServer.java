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
            byte[] line = new byte[8192];
            int len = 0;
            int b;
            while ((b = in.read()) != -1) {
                line[len++] = (byte) b;
                if (b == '\n' || len == line.length) {
                    // a full buffer goes out as it is, so lines of any length fit in 8 KiB of memory
                    out.write(line, 0, len);
                    out.flush();
                    len = 0;
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
        closeQuietly(listener);
        try {
            acceptor.join();
        } finally {
            // once the acceptor has ended, every accepted socket is in the set
            for (Socket s : clients) {
                closeQuietly(s);
            }
            pool.shutdown();
        }
        while (!pool.awaitTermination(1, TimeUnit.MINUTES)) {
            for (Socket s : clients) {
                closeQuietly(s);
            }
        }
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
