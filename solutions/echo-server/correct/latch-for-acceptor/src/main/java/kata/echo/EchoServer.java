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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A fixed pool of maxClients handlers; the accepting thread counts down a latch when it ends, and
 * stop() awaits that latch instead of joining it, then the pool's termination. Start and stop are
 * guarded by volatile fields written once.
 */
public class EchoServer implements AutoCloseable {

    private final int maxClients;
    private final Set<Socket> connections = ConcurrentHashMap.newKeySet();
    private final CountDownLatch acceptorEnded = new CountDownLatch(1);
    private volatile ServerSocket listener;
    private volatile ExecutorService handlers;

    public EchoServer(int maxClients) {
        if (maxClients < 1) {
            throw new IllegalArgumentException("maxClients must be at least 1, was " + maxClients);
        }
        this.maxClients = maxClients;
    }

    public int start() throws IOException {
        ServerSocket accepting = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        ExecutorService pool = Executors.newFixedThreadPool(maxClients);
        handlers = pool;
        listener = accepting;
        Thread acceptor = new Thread(() -> {
            try {
                acceptClients(accepting, pool);
            } finally {
                acceptorEnded.countDown();
            }
        }, "echo-acceptor");
        acceptor.start();
        return accepting.getLocalPort();
    }

    private void acceptClients(ServerSocket accepting, ExecutorService pool) {
        while (true) {
            Socket client;
            try {
                client = accepting.accept();
            } catch (IOException closed) {
                return;
            }
            connections.add(client);
            pool.execute(() -> serve(client));
        }
    }

    private void serve(Socket client) {
        try (client) {
            InputStream in = new BufferedInputStream(client.getInputStream());
            OutputStream out = client.getOutputStream();
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            int next;
            while ((next = in.read()) != -1) {
                line.write(next);
                if (next == '\n') {
                    line.writeTo(out);
                    out.flush();
                    line.reset();
                }
            }
        } catch (IOException gone) {
            // the client left, or stop() closed the socket
        } finally {
            connections.remove(client);
        }
    }

    public void stop() throws InterruptedException {
        ServerSocket accepting = listener;
        if (accepting == null) {
            return;
        }
        try {
            accepting.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        acceptorEnded.await(); // from here on no socket is added
        for (Socket connection : connections) {
            try {
                connection.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
        handlers.shutdown();
        while (!handlers.awaitTermination(10, TimeUnit.SECONDS)) {
            // every socket is closed: the handlers are on their way out
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
