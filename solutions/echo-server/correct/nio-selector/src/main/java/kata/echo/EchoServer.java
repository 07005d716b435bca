package kata.echo;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;

/**
 * A line-based TCP echo server on the loopback interface: every line a client sends (bytes up to
 * and including '\n') comes back to that client unchanged. At most {@code maxClients} clients are
 * served at the same time; further clients wait until one leaves.
 *
 * <p>This version serves every client from one selector thread with non-blocking channels: no
 * client can hold the others up, because no call blocks on a single client. Clients beyond
 * {@code maxClients} are accepted but not read from until a served client leaves.
 */
public class EchoServer implements AutoCloseable {

    private final int maxClients;
    private Selector selector;
    private ServerSocketChannel listener;
    private Thread selectorThread;
    private volatile boolean running;
    private boolean stopped;

    /** Per-connection state, used only by the selector thread. */
    private static final class Connection {
        final ByteArrayOutputStream line = new ByteArrayOutputStream();
        final Deque<ByteBuffer> replies = new ArrayDeque<>();
        /** The client has closed its side: send what is left, then close. */
        boolean ended;
    }

    /** Accepted clients waiting for a free slot, and the number being served: selector thread only. */
    private final Deque<SocketChannel> waiting = new ArrayDeque<>();
    private int served;
    private final ByteBuffer readBuffer = ByteBuffer.allocate(16 * 1024);

    public EchoServer(int maxClients) {
        if (maxClients < 1) {
            throw new IllegalArgumentException("maxClients must be at least 1, was " + maxClients);
        }
        this.maxClients = maxClients;
    }

    /** Binds a free port on 127.0.0.1 (port 0), starts accepting clients in the background, returns the port. */
    public synchronized int start() throws IOException {
        selector = Selector.open();
        listener = ServerSocketChannel.open();
        listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        listener.configureBlocking(false);
        listener.register(selector, SelectionKey.OP_ACCEPT);
        running = true;
        selectorThread = new Thread(this::runLoop, "echo-selector");
        selectorThread.start();
        return ((InetSocketAddress) listener.getLocalAddress()).getPort();
    }

    private void runLoop() {
        try {
            while (running) {
                selector.select();
                Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
                while (keys.hasNext()) {
                    SelectionKey key = keys.next();
                    keys.remove();
                    if (!key.isValid()) {
                        continue;
                    }
                    if (key.isAcceptable()) {
                        acceptAll();
                        continue;
                    }
                    try {
                        if (key.isReadable()) {
                            read(key);
                        }
                        if (key.isValid() && key.isWritable()) {
                            write(key);
                        }
                    } catch (IOException e) {
                        drop(key);
                    }
                }
            }
        } catch (IOException e) {
            // the selector broke: fall through and close everything
        } finally {
            for (SelectionKey key : selector.keys()) {
                closeQuietly(key.channel());
            }
            for (SocketChannel channel : waiting) {
                closeQuietly(channel);
            }
            waiting.clear();
            closeQuietly(listener);
            closeQuietly(selector); // deregisters the channels: their sockets are really closed now
        }
    }

    private void acceptAll() {
        while (true) {
            SocketChannel client;
            try {
                client = listener.accept();
                if (client == null) {
                    break;
                }
                client.configureBlocking(false);
            } catch (IOException e) {
                break; // try again at the next OP_ACCEPT
            }
            waiting.add(client);
        }
        serveWaiting();
    }

    /** Starts reading from waiting clients while there is a free slot. */
    private void serveWaiting() {
        while (served < maxClients && !waiting.isEmpty()) {
            SocketChannel client = waiting.poll();
            try {
                client.register(selector, SelectionKey.OP_READ, new Connection());
                served++;
            } catch (IOException e) {
                closeQuietly(client); // it left while it waited
            }
        }
    }

    private void read(SelectionKey key) throws IOException {
        SocketChannel channel = (SocketChannel) key.channel();
        Connection connection = (Connection) key.attachment();
        readBuffer.clear();
        int n = channel.read(readBuffer);
        if (n == -1) {
            // the client left, maybe in the middle of a line: finish the replies already due, then close
            connection.ended = true;
            if (connection.replies.isEmpty()) {
                drop(key);
            } else {
                key.interestOps(SelectionKey.OP_WRITE);
            }
            return;
        }
        byte[] bytes = readBuffer.array();
        int start = 0;
        for (int i = 0; i < n; i++) {
            if (bytes[i] == '\n') {
                connection.line.write(bytes, start, i + 1 - start);
                connection.replies.add(ByteBuffer.wrap(connection.line.toByteArray()));
                connection.line.reset();
                start = i + 1;
            }
        }
        connection.line.write(bytes, start, n - start);
        if (!connection.replies.isEmpty()) {
            key.interestOps(key.interestOps() | SelectionKey.OP_WRITE);
        }
    }

    private void write(SelectionKey key) throws IOException {
        SocketChannel channel = (SocketChannel) key.channel();
        Connection connection = (Connection) key.attachment();
        while (!connection.replies.isEmpty()) {
            ByteBuffer reply = connection.replies.peek();
            channel.write(reply);
            if (reply.hasRemaining()) {
                return; // the socket buffer is full: wait for the next OP_WRITE
            }
            connection.replies.poll();
        }
        if (connection.ended) {
            drop(key);
        } else {
            key.interestOps(SelectionKey.OP_READ);
        }
    }

    private void drop(SelectionKey key) {
        key.cancel();
        closeQuietly(key.channel());
        served--;
        serveWaiting();
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            if (closeable != null) {
                closeable.close();
            }
        } catch (Exception ignored) {
            // closing anyway
        }
    }

    /**
     * Closes the listener and every client connection, and returns once the accepting thread and
     * every handler have ended.
     */
    public void stop() throws InterruptedException {
        Thread thread;
        synchronized (this) {
            if (selectorThread == null || stopped) {
                if (selectorThread != null) {
                    selectorThread.join();
                }
                return;
            }
            stopped = true;
            running = false;
            selector.wakeup();
            thread = selectorThread;
        }
        thread.join(); // the selector thread closes every channel before it ends
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
