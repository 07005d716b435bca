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
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * A line-based TCP echo server on the loopback interface: every line a client sends (bytes up to
 * and including '\n') comes back to that client unchanged. At most {@code maxClients} clients are
 * served at the same time; further clients wait until one leaves.
 *
 * <p>One pool of {@code maxClients} threads runs everything: the accept loop is its first task and
 * the handlers the others, so waiting for the pool waits for the acceptor too.
 */
public class EchoServer implements AutoCloseable {

    private final int maxClients;
    private final Set<Socket> clients = ConcurrentHashMap.newKeySet();
    private final Object lock = new Object();
    private ServerSocket listener;
    private ExecutorService pool;
    private boolean stopping;
    /** Released by the accept loop when it has ended: after that no client is added. */
    private final Semaphore acceptorEnded = new Semaphore(0);

    public EchoServer(int maxClients) {
        if (maxClients < 1) {
            throw new IllegalArgumentException("maxClients must be at least 1, was " + maxClients);
        }
        this.maxClients = maxClients;
    }

    /** Binds a free port on 127.0.0.1 (port 0), starts accepting clients in the background, returns the port. */
    public int start() throws IOException {
        synchronized (lock) {
            listener = new ServerSocket(0, 0, InetAddress.getLoopbackAddress());
            pool = Executors.newFixedThreadPool(maxClients);
            ServerSocket serverSocket = listener;
            ExecutorService executor = pool;
            executor.execute(() -> {
                try {
                    acceptLoop(serverSocket, executor);
                } finally {
                    acceptorEnded.release();
                }
            });
            return serverSocket.getLocalPort();
        }
    }

    private void acceptLoop(ServerSocket serverSocket, ExecutorService executor) {
        while (!serverSocket.isClosed()) {
            try {
                Socket client = serverSocket.accept();
                clients.add(client);
                executor.execute(() -> echo(client));
            } catch (IOException e) {
                // closed by stop(): the loop ends; otherwise try the next client
            }
        }
    }

    private void echo(Socket client) {
        try {
            InputStream in = new BufferedInputStream(client.getInputStream());
            OutputStream out = client.getOutputStream();
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            while (true) {
                int b = in.read();
                if (b < 0) {
                    break;
                }
                line.write(b);
                if (b == '\n') {
                    out.write(line.toByteArray());
                    line.reset();
                }
            }
        } catch (IOException ignored) {
            // gone
        } finally {
            clients.remove(client);
            try {
                client.close();
            } catch (IOException ignored) {
                // gone
            }
        }
    }

    /**
     * Closes the listener and every client connection, and returns once the accepting thread and
     * every handler have ended.
     */
    public void stop() throws InterruptedException {
        ServerSocket serverSocket;
        ExecutorService executor;
        boolean first;
        synchronized (lock) {
            serverSocket = listener;
            executor = pool;
            first = !stopping;
            stopping = true;
        }
        if (serverSocket == null) {
            return;
        }
        if (first) {
            try {
                serverSocket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
            acceptorEnded.acquire();
        }
        for (Socket client : clients) {
            try {
                client.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
        executor.shutdown();
        executor.awaitTermination(Long.MAX_VALUE, TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
