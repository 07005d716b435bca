package kata.echo;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A line-based TCP echo server on the loopback interface: every line a client sends (bytes up to
 * and including '\n') comes back to that client unchanged. At most {@code maxClients} clients are
 * served at the same time; further clients wait until one leaves.
 *
 * <p>The acceptor counts the clients being served under a lock, and waits on a condition while
 * {@code maxClients} are; each client gets its own {@link Handler} thread.
 */
public class EchoServer implements AutoCloseable {

    private final int maxClients;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition slotFree = lock.newCondition();
    private int active;               // guarded by lock
    private boolean stopping;         // guarded by lock
    private final List<Handler> handlers = new ArrayList<>(); // guarded by lock
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private ServerSocket serverSocket; // guarded by lock
    private Thread acceptor;           // guarded by lock

    public EchoServer(int maxClients) {
        if (maxClients < 1) {
            throw new IllegalArgumentException("maxClients must be at least 1, was " + maxClients);
        }
        this.maxClients = maxClients;
    }

    /** A thread that echoes the lines of one client until it leaves. */
    private final class Handler extends Thread {
        private final Socket socket;

        Handler(Socket socket) {
            super("echo-handler-" + socket.getPort());
            this.socket = socket;
        }

        @Override
        public void run() {
            try (Socket s = socket) {
                InputStream in = new BufferedInputStream(s.getInputStream());
                OutputStream out = s.getOutputStream();
                ByteArrayOutputStream line = new ByteArrayOutputStream();
                int b;
                while ((b = in.read()) != -1) {
                    line.write(b);
                    if (b == '\n') {
                        line.writeTo(out);
                        line.reset();
                    }
                }
            } catch (IOException e) {
                // gone, or closed by stop()
            } finally {
                sockets.remove(socket);
                lock.lock();
                try {
                    active--;
                    slotFree.signal(); // only the acceptor waits on it
                } finally {
                    lock.unlock();
                }
            }
        }
    }

    /** Binds a free port on 127.0.0.1 (port 0), starts accepting clients in the background, returns the port. */
    public int start() throws IOException {
        lock.lock();
        try {
            serverSocket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            ServerSocket listener = serverSocket;
            acceptor = new Thread(() -> acceptLoop(listener), "echo-acceptor");
            acceptor.start();
            return listener.getLocalPort();
        } finally {
            lock.unlock();
        }
    }

    private void acceptLoop(ServerSocket listener) {
        while (true) {
            Socket client;
            try {
                client = listener.accept();
            } catch (IOException e) {
                if (listener.isClosed()) {
                    return;
                }
                continue;
            }
            sockets.add(client);
            lock.lock();
            try {
                while (active == maxClients && !stopping) {
                    slotFree.awaitUninterruptibly();
                }
                if (stopping) {
                    return; // the client is in the set: stop() closes it
                }
                active++;
                handlers.removeIf(h -> !h.isAlive()); // forget the handlers that have ended
                Handler handler = new Handler(client);
                handlers.add(handler);
                handler.start();
            } finally {
                lock.unlock();
            }
        }
    }

    /**
     * Closes the listener and every client connection, and returns once the accepting thread and
     * every handler have ended.
     */
    public void stop() throws InterruptedException {
        ServerSocket listener;
        Thread acceptingThread;
        lock.lock();
        try {
            stopping = true;
            slotFree.signalAll();
            listener = serverSocket;
            acceptingThread = acceptor;
        } finally {
            lock.unlock();
        }
        if (listener == null) {
            return;
        }
        try {
            listener.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        acceptingThread.join();
        for (Socket socket : sockets) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
        List<Handler> running;
        lock.lock();
        try {
            running = new ArrayList<>(handlers);
        } finally {
            lock.unlock();
        }
        for (Handler handler : running) {
            handler.join();
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
