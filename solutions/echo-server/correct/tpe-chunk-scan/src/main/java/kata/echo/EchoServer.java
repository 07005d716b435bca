package kata.echo;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A line-based TCP echo server on the loopback interface: every line a client sends (bytes up to
 * and including '\n') comes back to that client unchanged. At most {@code maxClients} clients are
 * served at the same time; further clients wait until one leaves.
 */
public class EchoServer implements AutoCloseable {

    private final int maxClients;
    private final Set<Socket> connections = Collections.synchronizedSet(Collections.newSetFromMap(new IdentityHashMap<>()));
    private volatile boolean stopping;
    private volatile ServerSocket serverSocket;
    private volatile Thread acceptThread;
    private volatile ThreadPoolExecutor pool;
    /** Every thread the pool made: awaitTermination() returns while the last ones are still exiting. */
    private final Set<Thread> handlerThreads = java.util.concurrent.ConcurrentHashMap.newKeySet();

    public EchoServer(int maxClients) {
        if (maxClients < 1) {
            throw new IllegalArgumentException("maxClients must be at least 1, was " + maxClients);
        }
        this.maxClients = maxClients;
    }

    /** Binds a free port on 127.0.0.1 (port 0), starts accepting clients in the background, returns the port. */
    public int start() throws IOException {
        ServerSocket socket = new ServerSocket();
        socket.bind(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        AtomicInteger counter = new AtomicInteger();
        ThreadFactory named = r -> {
            Thread thread = new Thread(r, "echo-handler-" + counter.incrementAndGet());
            handlerThreads.add(thread);
            return thread;
        };
        pool = new ThreadPoolExecutor(maxClients, maxClients, 0L, TimeUnit.MILLISECONDS,
                new LinkedBlockingQueue<>(), named);
        serverSocket = socket;
        acceptThread = new Thread(this::acceptClients, "echo-accept");
        acceptThread.start();
        return socket.getLocalPort();
    }

    private void acceptClients() {
        while (!stopping) {
            Socket client;
            try {
                client = serverSocket.accept();
            } catch (SocketException closed) {
                return; // the listener was closed by stop()
            } catch (IOException e) {
                continue;
            }
            connections.add(client);
            if (stopping) {
                // stop() may already have closed the connections it knew of
                close(client);
                return;
            }
            pool.execute(() -> handle(client));
        }
    }

    private void handle(Socket client) {
        try {
            InputStream in = client.getInputStream();
            OutputStream out = client.getOutputStream();
            ByteArrayOutputStream pending = new ByteArrayOutputStream();
            byte[] chunk = new byte[8192];
            int n;
            while ((n = in.read(chunk)) != -1) {
                int lineStart = 0;
                for (int i = 0; i < n; i++) {
                    if (chunk[i] == '\n') {
                        pending.write(chunk, lineStart, i + 1 - lineStart);
                        pending.writeTo(out);
                        pending.reset();
                        lineStart = i + 1;
                    }
                }
                pending.write(chunk, lineStart, n - lineStart);
                out.flush();
            }
        } catch (IOException e) {
            // connection reset or closed by stop(): nothing to answer
        } finally {
            connections.remove(client);
            close(client);
        }
    }

    private static void close(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already broken
        }
    }

    /**
     * Closes the listener and every client connection, and returns once the accepting thread and
     * every handler have ended.
     */
    public void stop() throws InterruptedException {
        stopping = true;
        ServerSocket listener = serverSocket;
        if (listener == null) {
            return;
        }
        try {
            listener.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        Socket[] open;
        synchronized (connections) {
            open = connections.toArray(new Socket[0]);
        }
        for (Socket socket : open) {
            close(socket);
        }
        acceptThread.join();
        pool.shutdownNow(); // queued clients are closed already: drop their tasks
        pool.awaitTermination(Long.MAX_VALUE, TimeUnit.DAYS);
        for (Thread thread : handlerThreads) {
            thread.join();
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
