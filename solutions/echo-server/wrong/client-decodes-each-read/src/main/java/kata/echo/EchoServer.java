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
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Reference: one accepting thread, a fixed pool of maxClients handlers (clients beyond that wait in
 * the pool's queue), and a set of open connections so that stop() can close them all.
 */
public class EchoServer implements AutoCloseable {

    private final int maxClients;
    private final Set<Socket> connections = ConcurrentHashMap.newKeySet();
    private ServerSocket listener;
    private ExecutorService handlers;
    private Thread acceptor;

    public EchoServer(int maxClients) {
        if (maxClients < 1) {
            throw new IllegalArgumentException("maxClients must be at least 1, was " + maxClients);
        }
        this.maxClients = maxClients;
    }

    public synchronized int start() throws IOException {
        listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        AtomicInteger handlerNumber = new AtomicInteger();
        handlers = Executors.newFixedThreadPool(maxClients,
                task -> new Thread(task, "echo-handler-" + handlerNumber.incrementAndGet()));
        acceptor = new Thread(this::acceptClients, "echo-acceptor");
        acceptor.start();
        return listener.getLocalPort();
    }

    private void acceptClients() {
        while (true) {
            Socket client;
            try {
                client = listener.accept();
            } catch (IOException listenerClosed) {
                return;
            }
            // Registered before a handler runs, so that stop() closes it even if it still waits in the queue.
            connections.add(client);
            handlers.execute(() -> serve(client));
        }
    }

    private void serve(Socket client) {
        try (client; InputStream in = new BufferedInputStream(client.getInputStream());
             OutputStream out = client.getOutputStream()) {
            // A line ends at '\n', not at the end of a read: one read may hold part of a line or several.
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
        } catch (IOException clientGoneOrServerStopped) {
            // Either way this connection is over; the finally below forgets it.
        } finally {
            connections.remove(client);
        }
    }

    public synchronized void stop() throws InterruptedException {
        if (listener == null) {
            return;
        }
        closeQuietly(listener);
        // Once the acceptor has ended, every accepted socket is in connections.
        acceptor.join();
        for (Socket connection : connections) {
            closeQuietly(connection);
        }
        handlers.shutdown();
        while (!handlers.awaitTermination(1, TimeUnit.SECONDS)) {
            for (Socket connection : connections) {
                closeQuietly(connection);
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception alreadyBroken) {
            // Closing is all we want; a socket that fails to close is closed enough.
        }
    }
}
