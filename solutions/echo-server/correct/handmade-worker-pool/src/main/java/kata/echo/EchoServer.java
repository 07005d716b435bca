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
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * A line-based TCP echo server on the loopback interface: every line a client sends (bytes up to
 * and including '\n') comes back to that client unchanged. At most {@code maxClients} clients are
 * served at the same time; further clients wait until one leaves.
 *
 * <p>A hand-made pool: {@code maxClients} worker threads take accepted sockets from a queue, one
 * at a time, and serve each until it leaves; the acceptor only accepts and queues.
 */
public class EchoServer implements AutoCloseable {

    private final int maxClients;
    private final BlockingQueue<Socket> accepted = new LinkedBlockingQueue<>();
    private final Set<Socket> connections = ConcurrentHashMap.newKeySet();
    private final List<Thread> workers = new ArrayList<>();
    private volatile boolean stopping;
    private ServerSocket serverSocket;
    private Thread acceptor;

    public EchoServer(int maxClients) {
        if (maxClients < 1) {
            throw new IllegalArgumentException("maxClients must be at least 1, was " + maxClients);
        }
        this.maxClients = maxClients;
    }

    /** Binds a free port on 127.0.0.1 (port 0), starts accepting clients in the background, returns the port. */
    public synchronized int start() throws IOException {
        serverSocket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        for (int i = 0; i < maxClients; i++) {
            Thread worker = new Thread(this::work, "echo-worker-" + i);
            workers.add(worker);
            worker.start();
        }
        ServerSocket listener = serverSocket;
        acceptor = new Thread(() -> {
            try {
                while (true) {
                    Socket client = listener.accept();
                    connections.add(client);
                    accepted.add(client);
                }
            } catch (IOException e) {
                // stop() closed the listener
            }
        }, "echo-acceptor");
        acceptor.start();
        return listener.getLocalPort();
    }

    private void work() {
        while (!stopping) {
            Socket client;
            try {
                client = accepted.take();
            } catch (InterruptedException e) {
                return; // stop()
            }
            serve(client);
        }
    }

    private void serve(Socket client) {
        try {
            InputStream in = new BufferedInputStream(client.getInputStream());
            OutputStream out = new BufferedOutputStream(client.getOutputStream());
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            for (int b; (b = in.read()) >= 0; ) {
                line.write(b);
                if (b == '\n') {
                    line.writeTo(out);
                    out.flush();
                    line.reset();
                }
            }
        } catch (IOException e) {
            // the client is gone, or stop() closed the socket
        } finally {
            connections.remove(client);
            try {
                client.close();
            } catch (IOException ignored) {
                // nothing to do
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
        List<Thread> pool;
        synchronized (this) {
            listener = serverSocket;
            acceptingThread = acceptor;
            pool = new ArrayList<>(workers);
        }
        if (listener == null) {
            return;
        }
        stopping = true;
        try {
            listener.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        acceptingThread.join();
        for (Socket client : connections) {
            try {
                client.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
        accepted.clear(); // queued sockets were closed with the others
        for (Thread worker : pool) {
            worker.interrupt(); // wakes the idle workers blocked in take()
        }
        for (Thread worker : pool) {
            worker.join();
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
