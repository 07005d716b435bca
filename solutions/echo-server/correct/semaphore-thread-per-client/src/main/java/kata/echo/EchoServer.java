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
import java.util.concurrent.Semaphore;

/**
 * A line-based TCP echo server on the loopback interface: every line a client sends (bytes up to
 * and including '\n') comes back to that client unchanged. At most {@code maxClients} clients are
 * served at the same time; further clients wait until one leaves.
 */
public class EchoServer implements AutoCloseable {

    private final int maxClients;
    /** One permit per client being served; the acceptor takes one before it starts a handler. */
    private final Semaphore slots;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private final Set<Thread> handlerThreads = ConcurrentHashMap.newKeySet();
    private final Object lifecycle = new Object();
    private ServerSocket serverSocket;
    private Thread acceptor;

    public EchoServer(int maxClients) {
        if (maxClients < 1) {
            throw new IllegalArgumentException("maxClients must be at least 1, was " + maxClients);
        }
        this.maxClients = maxClients;
        this.slots = new Semaphore(maxClients);
    }

    /** Binds a free port on 127.0.0.1 (port 0), starts accepting clients in the background, returns the port. */
    public int start() throws IOException {
        synchronized (lifecycle) {
            serverSocket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            acceptor = new Thread(this::acceptLoop, "echo-acceptor");
            acceptor.start();
            return serverSocket.getLocalPort();
        }
    }

    private void acceptLoop() {
        ServerSocket listener;
        synchronized (lifecycle) {
            listener = serverSocket;
        }
        while (!listener.isClosed()) {
            Socket client;
            try {
                client = listener.accept();
            } catch (IOException e) {
                continue; // closed by stop(): the loop condition ends it
            }
            sockets.add(client);
            try {
                slots.acquire(); // the client is connected but waits until a slot is free
            } catch (InterruptedException e) {
                // stop(): this client is in the set and gets closed there
                return;
            }
            Thread handler = new Thread(() -> {
                try {
                    serve(client);
                } finally {
                    sockets.remove(client);
                    closeQuietly(client);
                    slots.release();
                }
            }, "echo-handler-" + client.getPort());
            handlerThreads.removeIf(t -> !t.isAlive()); // forget the handlers that have ended
            handlerThreads.add(handler);
            handler.start();
        }
    }

    private static void serve(Socket client) {
        try {
            InputStream in = new BufferedInputStream(client.getInputStream(), 16 * 1024);
            OutputStream out = new BufferedOutputStream(client.getOutputStream(), 16 * 1024);
            ByteArrayOutputStream line = new ByteArrayOutputStream(256);
            for (int b = in.read(); b != -1; b = in.read()) {
                line.write(b);
                if (b == '\n') {
                    line.writeTo(out);
                    out.flush();
                    line.reset();
                }
            }
        } catch (IOException e) {
            // the connection is gone
        }
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception ignored) {
            // nothing more to do
        }
    }

    /**
     * Closes the listener and every client connection, and returns once the accepting thread and
     * every handler have ended.
     */
    public void stop() throws InterruptedException {
        ServerSocket listener;
        Thread acceptingThread;
        synchronized (lifecycle) {
            listener = serverSocket;
            acceptingThread = acceptor;
        }
        if (listener == null) {
            return;
        }
        closeQuietly(listener);          // wakes a blocked accept()
        acceptingThread.interrupt();     // wakes a blocked slots.acquire()
        acceptingThread.join();          // no handler is started after this
        for (Socket socket : sockets) {
            closeQuietly(socket);        // wakes the blocked reads
        }
        for (Thread handler : handlerThreads) {
            handler.join();
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
