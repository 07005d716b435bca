package kata.echo;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
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

    /** How often a handler blocked in read() wakes up to look at the stopping flag. */
    private static final int POLL_MILLIS = 500;

    private final int maxClients;

    private final Object lock = new Object();
    private ServerSocket listener;
    private Thread acceptor;
    private ExecutorService pool;
    private volatile boolean stopping;
    private final Set<Socket> clients = ConcurrentHashMap.newKeySet();

    public EchoServer(int maxClients) {
        if (maxClients < 1) {
            throw new IllegalArgumentException("maxClients must be at least 1, was " + maxClients);
        }
        this.maxClients = maxClients;
    }

    /** Binds a free port on 127.0.0.1 (port 0), starts accepting clients in the background, returns the port. */
    public int start() throws IOException {
        synchronized (lock) {
            if (listener != null) {
                throw new IllegalStateException("already started");
            }
            listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            pool = Executors.newFixedThreadPool(maxClients);
            acceptor = new Thread(this::acceptLoop, "echo-acceptor");
            acceptor.start();
            return listener.getLocalPort();
        }
    }

    private void acceptLoop() {
        while (!stopping) {
            try {
                Socket s = listener.accept();
                clients.add(s);
                pool.execute(() -> handle(s));
            } catch (IOException e) {
                if (listener.isClosed()) {
                    return;
                }
            }
        }
    }

    private void handle(Socket s) {
        try {
            // Belt and braces: besides stop() closing the socket, the read times out now and then so
            // the handler can notice the stopping flag by itself.
            s.setSoTimeout(POLL_MILLIS);
            InputStream in = new BufferedInputStream(s.getInputStream());
            OutputStream out = s.getOutputStream();
            while (!stopping) {
                byte[] line;
                try {
                    line = readLine(in);
                } catch (SocketTimeoutException idle) {
                    continue; // nothing new from this client: look at the flag and keep waiting
                }
                if (line == null) {
                    break; // client gone (an unfinished last line is dropped)
                }
                out.write(line);
                out.flush();
            }
        } catch (IOException e) {
            // broken connection or closed by stop()
        } finally {
            clients.remove(s);
            try {
                s.close();
            } catch (IOException ignored) {
                // done anyway
            }
        }
    }

    /** The next line with its '\n', or null at the end of the stream (also in the middle of a line). */
    private static byte[] readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            line.write(b);
            if (b == '\n') {
                return line.toByteArray();
            }
        }
        return null;
    }

    /**
     * Closes the listener and every client connection, and returns once the accepting thread and
     * every handler have ended.
     */
    public void stop() throws InterruptedException {
        ServerSocket ss;
        Thread t;
        ExecutorService p;
        synchronized (lock) {
            ss = listener;
            t = acceptor;
            p = pool;
        }
        if (ss == null) {
            return;
        }
        stopping = true;
        try {
            ss.close();
        } catch (IOException ignored) {
            // accept() ends anyway
        }
        t.join();
        for (Socket s : clients) {
            try {
                s.close();
            } catch (IOException ignored) {
                // next one
            }
        }
        p.shutdown();
        while (!p.awaitTermination(5, TimeUnit.SECONDS)) {
            // handlers see the flag within POLL_MILLIS; keep waiting until they have
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
