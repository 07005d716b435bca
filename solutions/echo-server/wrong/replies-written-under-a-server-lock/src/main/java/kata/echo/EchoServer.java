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
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * A line-based TCP echo server on the loopback interface: every line a client sends (bytes up to
 * and including '\n') comes back to that client unchanged. At most {@code maxClients} clients are
 * served at the same time; further clients wait until one leaves.
 */
public class EchoServer implements AutoCloseable {

    private final int maxClients;

    private final Object lock = new Object();
    private final Set<Socket> clients = ConcurrentHashMap.newKeySet();

    private final Object sendLock = new Object();
    private boolean closing; // guarded by sendLock

    // guarded by lock
    private ServerSocket listener;
    private Thread acceptor;
    private ExecutorService pool;
    private boolean started;
    private boolean stopped;

    public EchoServer(int maxClients) {
        if (maxClients < 1) {
            throw new IllegalArgumentException("maxClients must be at least 1, was " + maxClients);
        }
        this.maxClients = maxClients;
    }

    /** Binds a free port on 127.0.0.1 (port 0), starts accepting clients in the background, returns the port. */
    public int start() throws IOException {
        synchronized (lock) {
            if (started || stopped) {
                throw new IllegalStateException("start() may be called only once");
            }
            ServerSocket ss = new ServerSocket();
            try {
                ss.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            } catch (IOException e) {
                ss.close();
                throw e;
            }
            listener = ss;
            pool = Executors.newFixedThreadPool(maxClients);
            acceptor = new Thread(() -> acceptLoop(ss), "echo-acceptor");
            started = true;
            acceptor.start();
            return ss.getLocalPort();
        }
    }

    private void acceptLoop(ServerSocket ss) {
        while (true) {
            Socket client;
            try {
                client = ss.accept();
            } catch (IOException e) {
                return; // listener closed by stop()
            }
            clients.add(client);
            try {
                pool.execute(() -> handle(client));
            } catch (RejectedExecutionException e) {
                clients.remove(client);
                closeQuietly(client);
                return;
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
                    // a reply is written whole or not at all: stop() closes sockets under the same
                    // lock, so it never cuts a line in half
                    synchronized (sendLock) {
                        if (closing) {
                            break;
                        }
                        line.writeTo(out);
                        out.flush();
                    }
                    line.reset();
                }
            }
            // end of stream: an unfinished line is dropped
        } catch (IOException e) {
            // connection broken or closed by stop(): the handler ends
        } finally {
            clients.remove(client);
            closeQuietly(client);
        }
    }

    /**
     * Closes the listener and every client connection, and returns once the accepting thread and
     * every handler have ended.
     */
    public void stop() throws InterruptedException {
        synchronized (lock) {
            if (!started || stopped) {
                stopped = true;
                return;
            }
            stopped = true;
            closeQuietly(listener);
            acceptor.join();
            synchronized (sendLock) {
                closing = true;
                for (Socket s : clients) {
                    closeQuietly(s);
                }
            }
            pool.shutdown();
            pool.awaitTermination(Long.MAX_VALUE, TimeUnit.NANOSECONDS);
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
