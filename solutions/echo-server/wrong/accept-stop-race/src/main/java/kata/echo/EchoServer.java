package kata.echo;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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
    private final Set<Socket> clients = ConcurrentHashMap.newKeySet();

    private volatile boolean running;
    private volatile boolean stopped;
    private ServerSocket serverSocket;
    private ExecutorService pool;
    private Thread acceptThread;

    public EchoServer(int maxClients) {
        if (maxClients < 1) {
            throw new IllegalArgumentException("maxClients must be at least 1, was " + maxClients);
        }
        this.maxClients = maxClients;
    }

    /** Binds a free port on 127.0.0.1 (port 0), starts accepting clients in the background, returns the port. */
    public synchronized int start() throws IOException {
        if (running || stopped) {
            throw new IllegalStateException("already started");
        }
        serverSocket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        pool = Executors.newFixedThreadPool(maxClients);
        running = true;
        acceptThread = new Thread(this::acceptLoop, "echo-acceptor");
        acceptThread.start();
        return serverSocket.getLocalPort();
    }

    private void acceptLoop() {
        while (running) {
            try {
                Socket client = serverSocket.accept();
                clients.add(client);
                pool.execute(() -> handle(client));
            } catch (SocketException e) {
                break; // serverSocket closed by stop()
            } catch (IOException e) {
                // accept failed for this client only: keep accepting
            }
        }
    }

    private void handle(Socket client) {
        try (client;
             InputStream in = new BufferedInputStream(client.getInputStream());
             OutputStream out = client.getOutputStream()) {
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
        } catch (IOException e) {
            // client went away, or stop() closed the socket
        } finally {
            clients.remove(client);
        }
    }

    /**
     * Closes the listener and every client connection, and returns once the accepting thread and
     * every handler have ended.
     */
    public synchronized void stop() throws InterruptedException {
        if (!running) {
            stopped = true;
            return;
        }
        running = false;
        stopped = true;
        try {
            serverSocket.close();
        } catch (IOException ignored) {
        }
        for (Socket s : clients) {
            try {
                s.close();
            } catch (IOException ignored) {
            }
        }
        pool.shutdown();
        pool.awaitTermination(Long.MAX_VALUE, TimeUnit.NANOSECONDS);
        acceptThread.join();
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
