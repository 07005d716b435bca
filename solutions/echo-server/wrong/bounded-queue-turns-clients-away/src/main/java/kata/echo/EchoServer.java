package kata.echo;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A line-based TCP echo server on the loopback interface: every line a client sends (bytes up to
 * and including '\n') comes back to that client unchanged. At most {@code maxClients} clients are
 * served at the same time; further clients wait until one leaves.
 */
public class EchoServer implements AutoCloseable {

    private final int maxClients;

    /**
     * Bounded, not unbounded: at most this many clients wait for a free handler. A burst beyond it
     * is turned away instead of piling up sockets and memory without limit.
     */
    private static final int MAX_WAITING = 16;

    /** Guards the transitions of the fields below; nobody waits while holding it. */
    private final ReentrantLock lifecycle = new ReentrantLock();
    private ServerSocket listener;
    private Thread acceptor;
    private ExecutorService pool;

    private final Set<Socket> clients = new CopyOnWriteArraySet<>();

    public EchoServer(int maxClients) {
        if (maxClients < 1) {
            throw new IllegalArgumentException("maxClients must be at least 1, was " + maxClients);
        }
        this.maxClients = maxClients;
    }

    /** Binds a free port on 127.0.0.1 (port 0), starts accepting clients in the background, returns the port. */
    public int start() throws IOException {
        lifecycle.lock();
        try {
            if (listener != null) {
                throw new IllegalStateException("already started");
            }
            ServerSocket ss = new ServerSocket();
            try {
                ss.bind(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            } catch (IOException e) {
                ss.close();
                throw e;
            }
            // exactly maxClients threads; the clients beyond them wait in a FIFO queue of bounded size
            ThreadPoolExecutor handlers = new ThreadPoolExecutor(maxClients, maxClients, 0L, TimeUnit.MILLISECONDS,
                    new ArrayBlockingQueue<>(MAX_WAITING), namedThreads("echo-handler-" + ss.getLocalPort() + "-"));
            Thread t = new Thread(() -> acceptLoop(ss, handlers), "echo-acceptor-" + ss.getLocalPort());
            listener = ss;
            pool = handlers;
            acceptor = t;
            t.start();
            return ss.getLocalPort();
        } finally {
            lifecycle.unlock();
        }
    }

    private static ThreadFactory namedThreads(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> new Thread(r, prefix + n.incrementAndGet());
    }

    private void acceptLoop(ServerSocket ss, ExecutorService handlers) {
        while (!ss.isClosed()) {
            try {
                Socket s = ss.accept();
                clients.add(s);
                try {
                    handlers.execute(new Handler(s));
                } catch (RejectedExecutionException busy) {
                    // too many clients waiting already: turn this one away
                    clients.remove(s);
                    s.close();
                }
            } catch (IOException e) {
                // closed by stop() (the loop condition ends us), or one failed accept: carry on
            }
        }
    }

    private final class Handler implements Runnable {
        private final Socket socket;

        Handler(Socket socket) {
            this.socket = socket;
        }

        @Override
        public void run() {
            try {
                InputStream in = socket.getInputStream();
                OutputStream out = socket.getOutputStream();
                byte[] chunk = new byte[16 * 1024];
                // bytes of the line that is still on its way (no '\n' seen for them yet)
                ByteArrayOutputStream pending = new ByteArrayOutputStream();
                int n;
                while ((n = in.read(chunk)) != -1) {
                    int lastNewline = lastIndexOf(chunk, n, (byte) '\n');
                    if (lastNewline < 0) {
                        pending.write(chunk, 0, n);
                        continue;
                    }
                    // everything up to the last '\n' of this chunk is whole lines: send it in one go
                    if (pending.size() == 0) {
                        out.write(chunk, 0, lastNewline + 1);
                    } else {
                        pending.write(chunk, 0, lastNewline + 1);
                        pending.writeTo(out);
                        pending.reset();
                    }
                    out.flush();
                    pending.write(chunk, lastNewline + 1, n - lastNewline - 1);
                }
                // the client ended its stream: an unfinished line in "pending" is not sent back
            } catch (IOException e) {
                // broken connection or stop(): this client is over
            } finally {
                clients.remove(socket);
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // nothing more to do
                }
            }
        }
    }

    private static int lastIndexOf(byte[] a, int length, byte b) {
        for (int i = length - 1; i >= 0; i--) {
            if (a[i] == b) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Closes the listener and every client connection, and returns once the accepting thread and
     * every handler have ended.
     */
    public void stop() throws InterruptedException {
        ServerSocket ss;
        Thread t;
        ExecutorService handlers;
        lifecycle.lock();
        try {
            ss = listener;
            t = acceptor;
            handlers = pool;
        } finally {
            lifecycle.unlock();
        }
        if (ss == null) {
            return; // never started
        }
        // Each caller goes through every step; they are all idempotent, so a second (or concurrent, or
        // retried-after-interrupt) call just waits for what the first one started.
        try {
            ss.close();
        } catch (IOException ignored) {
            // already closed or not closable: accept() will end either way
        }
        t.join();
        // The accepting thread is gone: every socket it accepted is in the set by now. Queued clients
        // are dropped from the pool's queue, and their sockets closed below like everybody else's.
        handlers.shutdownNow();
        closeAllClients();
        while (!handlers.awaitTermination(10, TimeUnit.SECONDS)) {
            closeAllClients();
        }
    }

    private void closeAllClients() {
        for (Socket s : clients) { // a snapshot: handlers may remove themselves meanwhile
            try {
                s.close();
            } catch (IOException ignored) {
                // keep closing the others
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
