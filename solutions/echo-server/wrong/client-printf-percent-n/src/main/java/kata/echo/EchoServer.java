package kata.echo;

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

    /** Every accepted socket that has not been closed by its handler yet. */
    private final Set<Socket> clients = ConcurrentHashMap.newKeySet();

    /** Set by stop() (under this) before it closes anything: a client still queued then is not served any more. */
    private volatile boolean stopping;

    // guarded by this
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
            throw new IllegalStateException("the server was already started");
        }
        ServerSocket serverSocket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        ExecutorService handlers = Executors.newFixedThreadPool(maxClients);
        Thread accepting = new Thread(() -> acceptLoop(serverSocket, handlers), "echo-acceptor");
        listener = serverSocket;
        pool = handlers;
        acceptor = accepting;
        accepting.start();
        return serverSocket.getLocalPort();
    }

    private void acceptLoop(ServerSocket serverSocket, ExecutorService handlers) {
        while (true) {
            Socket client;
            try {
                client = serverSocket.accept();
            } catch (IOException closed) {
                return; // stop() closed the listener
            }
            clients.add(client); // before the pool sees it: stop() can close it while it waits in the queue
            try {
                handlers.execute(() -> serve(client));
            } catch (RejectedExecutionException shutDown) {
                clients.remove(client);
                closeQuietly(client);
                return;
            }
        }
    }

    private void serve(Socket client) {
        try (client) {
            if (stopping) {
                return; // it waited in the queue while stop() began: close it unserved
            }
            InputStream in = client.getInputStream();
            OutputStream out = client.getOutputStream();
            byte[] chunk = new byte[8192];
            PendingLine line = new PendingLine();
            int n;
            while ((n = in.read(chunk)) != -1) {
                int lineStart = 0;
                for (int i = 0; i < n; i++) {
                    if (chunk[i] == '\n') {
                        line.append(chunk, lineStart, i + 1 - lineStart);
                        out.write(line.bytes, 0, line.length);
                        line.length = 0;
                        lineStart = i + 1;
                    }
                }
                line.append(chunk, lineStart, n - lineStart);
            }
            // end of stream: an unfinished line is dropped
        } catch (IOException endOfConnection) {
            // the client broke the connection, or stop() closed the socket
        } finally {
            clients.remove(client);
        }
    }

    /** The bytes of the line received so far, without its '\n'. */
    private static final class PendingLine {
        byte[] bytes = new byte[256];
        int length;

        void append(byte[] source, int offset, int count) {
            if (length + count > bytes.length) {
                bytes = java.util.Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + count));
            }
            System.arraycopy(source, offset, bytes, length, count);
            length += count;
        }
    }

    /**
     * Closes the listener and every client connection, and returns once the accepting thread and
     * every handler have ended.
     */
    public void stop() throws InterruptedException {
        ServerSocket serverSocket;
        Thread accepting;
        ExecutorService handlers;
        synchronized (this) {
            if (listener == null || stopping) {
                return;
            }
            stopping = true;
            serverSocket = listener;
            accepting = acceptor;
            handlers = pool;
        }
        closeQuietly(serverSocket);
        accepting.join(); // from now on every accepted socket is in the set
        for (Socket client : clients) {
            closeQuietly(client);
        }
        handlers.shutdown();
        while (!handlers.awaitTermination(1, TimeUnit.MINUTES)) {
            // keep waiting: every socket is closed, the handlers are on their way out
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // nothing useful to do
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
