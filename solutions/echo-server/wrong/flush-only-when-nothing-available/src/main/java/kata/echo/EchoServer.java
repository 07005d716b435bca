package kata.echo;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
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

/**
 * A line-based TCP echo server on the loopback interface: every line a client sends (bytes up to
 * and including '\n') comes back to that client unchanged. At most {@code maxClients} clients are
 * served at the same time; further clients wait until one leaves.
 */
public class EchoServer implements AutoCloseable {

    private final int maxClients;

    private final Set<Socket> clients = ConcurrentHashMap.newKeySet();

    // guarded by this
    private ServerSocket listener;
    private ExecutorService pool;
    private Thread acceptor;
    private boolean stopped;

    public EchoServer(int maxClients) {
        if (maxClients < 1) {
            throw new IllegalArgumentException("maxClients must be at least 1, was " + maxClients);
        }
        this.maxClients = maxClients;
    }

    /** Binds a free port on 127.0.0.1 (port 0), starts accepting clients in the background, returns the port. */
    public synchronized int start() throws IOException {
        if (listener != null || stopped) {
            throw new IllegalStateException("the server was already started");
        }
        ServerSocket serverSocket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        listener = serverSocket;
        pool = Executors.newFixedThreadPool(maxClients);
        acceptor = new Thread(() -> acceptLoop(serverSocket, pool), "echo-acceptor");
        acceptor.start();
        return serverSocket.getLocalPort();
    }

    private void acceptLoop(ServerSocket serverSocket, ExecutorService handlers) {
        while (true) {
            Socket socket;
            try {
                socket = serverSocket.accept();
            } catch (IOException e) {
                return; // stop() closed the listener: not an error
            }
            clients.add(socket); // before it is queued, so that stop() can close it while it waits
            handlers.execute(() -> serve(socket));
        }
    }

    private void serve(Socket socket) {
        try {
            InputStream in = new BufferedInputStream(socket.getInputStream());
            OutputStream out = new BufferedOutputStream(socket.getOutputStream());
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            int b;
            while ((b = in.read()) != -1) {
                line.write(b);
                if (b == '\n') {
                    line.writeTo(out); // a whole line: it may go out
                    line.reset();
                    if (in.available() == 0) {
                        out.flush(); // nothing more has arrived: send the lines gathered so far in one packet
                    }
                }
            }
            // end of stream: send the whole lines still buffered; an unfinished line is not sent back
            out.flush();
        } catch (IOException e) {
            // the client broke the connection, or stop() closed it
        } finally {
            closeQuietly(socket);
            clients.remove(socket);
        }
    }

    /**
     * Closes the listener and every client connection, and returns once the accepting thread and
     * every handler have ended.
     */
    public void stop() throws InterruptedException {
        synchronized (this) {
            if (listener == null || stopped) {
                return; // never started, or already stopped
            }
            stopped = true;
        }
        closeQuietly(listener);
        acceptor.join(); // from now on every accepted socket is in 'clients'
        for (Socket socket : clients) {
            closeQuietly(socket);
        }
        pool.shutdown();
        pool.awaitTermination(Long.MAX_VALUE, TimeUnit.NANOSECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // closed anyway
        }
    }
}
