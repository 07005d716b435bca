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

    /** Every client socket that is open: registered before it is handed to the pool. */
    private final Set<Socket> clients = ConcurrentHashMap.newKeySet();

    private final Object lifecycle = new Object();
    private boolean started;   // guarded by lifecycle
    private boolean stopped;   // guarded by lifecycle
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
    public int start() throws IOException {
        synchronized (lifecycle) {
            if (started || stopped) {
                throw new IllegalStateException("an EchoServer can be started once, and not after stop()");
            }
            ServerSocket ss = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            ExecutorService handlers = Executors.newFixedThreadPool(maxClients);
            Thread t = new Thread(() -> acceptLoop(ss, handlers), "echo-acceptor");
            listener = ss;
            pool = handlers;
            acceptor = t;
            started = true;
            t.start();
            return ss.getLocalPort();
        }
    }

    private void acceptLoop(ServerSocket ss, ExecutorService handlers) {
        while (!ss.isClosed()) {
            Socket client;
            try {
                client = ss.accept();
            } catch (IOException e) {
                continue; // closed by stop(): the loop condition ends the thread
            }
            clients.add(client);
            try {
                handlers.execute(() -> handle(client));
            } catch (RejectedExecutionException e) {
                clients.remove(client);
                closeQuietly(client);
            }
        }
    }

    private void handle(Socket client) {
        try {
            InputStream in = new BufferedInputStream(client.getInputStream());
            OutputStream out = client.getOutputStream();
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
            // end of stream: the client is gone, an unfinished line is dropped
        } catch (IOException e) {
            // connection broken or closed by stop(): make sure it is closed, the handler ends
            closeQuietly(client);
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
        Thread t;
        ExecutorService handlers;
        synchronized (lifecycle) {
            if (!started || stopped) {
                stopped = true;
                return;
            }
            stopped = true;
            ss = listener;
            t = acceptor;
            handlers = pool;
        }
        closeQuietly(ss);
        closeAllClients();
        try {
            t.join();
        } finally {
            // a client accepted while the first sweep ran is registered by now: close it too
            closeAllClients();
            handlers.shutdown();
        }
        handlers.awaitTermination(Long.MAX_VALUE, TimeUnit.NANOSECONDS);
    }

    private void closeAllClients() {
        for (Socket s : clients) {
            closeQuietly(s);
        }
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
