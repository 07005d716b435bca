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

/** Wrong: one new thread per client, with no limit (maxClients is ignored). */
public class EchoServer implements AutoCloseable {

    private final int maxClients;
    private final Set<Socket> connections = ConcurrentHashMap.newKeySet();
    private ServerSocket listener;
    private final Set<Thread> handlers = ConcurrentHashMap.newKeySet();
    private Thread acceptor;

    public EchoServer(int maxClients) {
        if (maxClients < 1) {
            throw new IllegalArgumentException("maxClients must be at least 1, was " + maxClients);
        }
        this.maxClients = maxClients;
    }

    public synchronized int start() throws IOException {
        listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
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
            Thread handler = new Thread(() -> serve(client), "echo-handler-" + client.getPort());
            handlers.add(handler);
            handler.start();
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
        for (Thread handler : handlers) {
            handler.join();
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
