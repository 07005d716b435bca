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
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A thread per client, at most maxClients at once, counted under one monitor: the accepting thread
 * waits (wait/notifyAll) for a free slot before it starts the next handler. Every socket and handler
 * is recorded under the same monitor, so that stop() closes and joins them all.
 */
public class EchoServer implements AutoCloseable {

    private final int maxClients;
    private final Object lock = new Object();
    private final Set<Socket> sockets = new HashSet<>();     // guarded by lock
    private final List<Thread> handlers = new ArrayList<>(); // guarded by lock
    private int busy;                                        // guarded by lock
    private boolean stopping;                                // guarded by lock
    private ServerSocket listener;                           // guarded by lock
    private Thread acceptor;                                 // guarded by lock

    public EchoServer(int maxClients) {
        if (maxClients < 1) {
            throw new IllegalArgumentException("maxClients must be at least 1, was " + maxClients);
        }
        this.maxClients = maxClients;
    }

    public int start() throws IOException {
        synchronized (lock) {
            listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            ServerSocket accepting = listener;
            acceptor = new Thread(() -> acceptClients(accepting), "echo-acceptor");
            acceptor.start();
            return accepting.getLocalPort();
        }
    }

    private void acceptClients(ServerSocket accepting) {
        while (true) {
            Socket client;
            try {
                client = accepting.accept();
            } catch (IOException closed) {
                return;
            }
            synchronized (lock) {
                if (stopping) {
                    closeQuietly(client);
                    return;
                }
                sockets.add(client);
                while (busy == maxClients && !stopping) {
                    try {
                        lock.wait();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
                if (stopping) {
                    return; // the client is in the set: stop() closes it
                }
                busy++;
                Thread handler = new Thread(() -> serve(client), "echo-handler-" + client.getPort());
                handlers.removeIf(thread -> !thread.isAlive());
                handlers.add(handler);
                handler.start();
            }
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
            synchronized (lock) {
                sockets.remove(client);
                busy--;
                lock.notifyAll();
            }
        }
    }

    public void stop() throws InterruptedException {
        Thread accepting;
        synchronized (lock) {
            if (listener == null) {
                return;
            }
            stopping = true;
            lock.notifyAll();
            closeQuietly(listener);
            accepting = acceptor;
        }
        accepting.join();
        List<Thread> running;
        synchronized (lock) {
            sockets.forEach(EchoServer::closeQuietly);
            running = new ArrayList<>(handlers);
        }
        for (Thread handler : running) {
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
        } catch (Exception ignored) {
            // closing anyway
        }
    }
}
