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
    private ExecutorService handlers;

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
        ServerSocket serverSocket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        ExecutorService pool = Executors.newFixedThreadPool(maxClients);
        Thread thread = new Thread(() -> acceptLoop(serverSocket, pool), "echo-acceptor");
        listener = serverSocket;
        handlers = pool;
        acceptor = thread;
        thread.start();
        return serverSocket.getLocalPort();
    }

    private void acceptLoop(ServerSocket serverSocket, ExecutorService pool) {
        while (true) {
            Socket client;
            try {
                client = serverSocket.accept();
            } catch (IOException e) {
                if (serverSocket.isClosed()) {
                    return; // stop() closed the listener: the normal way out
                }
                continue;
            }
            // registered before it is queued, so that stop() closes it even if it never got a handler
            clients.add(client);
            try {
                pool.execute(() -> serve(client));
            } catch (RejectedExecutionException e) {
                clients.remove(client);
                closeQuietly(client);
                return;
            }
        }
    }

    private void serve(Socket client) {
        try (client) {
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
            // end of stream, possibly in the middle of a line: the client is gone
        } catch (IOException e) {
            // the client reset the connection, or stop() closed the socket
        } finally {
            clients.remove(client);
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // closing anyway
        }
    }

    /**
     * Closes the listener and every client connection, and returns once the accepting thread and
     * every handler have ended.
     */
    public void stop() throws InterruptedException {
        ServerSocket serverSocket;
        Thread thread;
        ExecutorService pool;
        synchronized (this) {
            serverSocket = listener;
            thread = acceptor;
            pool = handlers;
        }
        if (serverSocket == null) {
            return; // never started
        }
        closeQuietly(serverSocket); // the acceptor ends on its own
        for (Socket client : clients) {
            closeQuietly(client);   // and so does every handler
        }
        pool.shutdown();            // no new tasks; the threads end when their handlers return
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
