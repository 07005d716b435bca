package kata.echo;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A client that sends one line longer than the buffers between it and the server can hold, reads the
 * first bytes of its echo and then no more: from that moment the server's handler for it is inside
 * write(), and stays there until the connection is closed. Nothing here blocks the check: the
 * channel is non-blocking, and every wait is bounded by a deadline.
 */
final class Flood implements AutoCloseable {

    /** The client's own receive buffer, small and fixed, so that the echo fills it at once. */
    private static final int RECEIVE_BUFFER = 16 * 1024;
    /** Linux's default largest send buffer (tcp_wmem), when the system does not say. */
    private static final long DEFAULT_SEND_BUFFER_MAX = 4L << 20;
    /** The longest line sent: the server keeps a whole line in memory, and the test JVM has a small heap. */
    private static final long LONGEST_LINE = 48L << 20;

    private final SocketChannel channel;
    /**
     * A socket's send buffer grows up to tcp_wmem's largest value (a larger SO_SNDBUF is capped far lower,
     * by wmem_max); this client's receive buffer is fixed and small: a MiB more is never held.
     */
    private final long lineLength = Math.min(LONGEST_LINE, sendBufferMax() + (1L << 20));

    Flood(int port) throws IOException {
        channel = SocketChannel.open();
        try {
            channel.setOption(StandardSocketOptions.SO_RCVBUF, RECEIVE_BUFFER);
            channel.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            channel.configureBlocking(false);
        } catch (IOException e) {
            channel.close();
            throw e;
        }
    }

    /**
     * Sends the long line and waits until its echo begins: true once the handler is in write() for
     * good (the rest of the line is more than the server's send buffer, at its largest, and this
     * client's receive buffer hold), false when no echo began before the deadline (the client is not
     * served, or the server does not echo long lines).
     */
    boolean blockHandlerInWrite(Deadline deadline) throws IOException {
        ByteBuffer chunk = ByteBuffer.allocate(64 * 1024).limit(0);
        long left = lineLength;
        try (Selector selector = Selector.open()) {
            SelectionKey key = channel.register(selector, 0);
            while (left > 0) {
                if (!chunk.hasRemaining()) {
                    fill(chunk, left);
                }
                int written = channel.write(chunk);
                left -= written;
                if (written == 0 && !await(selector, key, SelectionKey.OP_WRITE, deadline)) {
                    return false;
                }
            }
            ByteBuffer first = ByteBuffer.allocate(1);
            while (first.hasRemaining()) {
                if (channel.read(first) == -1) {
                    return false;
                }
                if (first.hasRemaining() && !await(selector, key, SelectionKey.OP_READ, deadline)) {
                    return false;
                }
            }
            return true;
        }
    }

    /** The length of the line {@link #blockHandlerInWrite} sends, its '\n' included. */
    long lineLength() {
        return lineLength;
    }

    /** The next piece of the line: 'f's, and the line's '\n' at its very end. */
    private static void fill(ByteBuffer chunk, long left) {
        chunk.clear();
        int size = (int) Math.min(chunk.capacity(), left);
        for (int i = 0; i < size; i++) {
            chunk.put(left - i == 1 ? (byte) '\n' : (byte) 'f');
        }
        chunk.flip();
    }

    /** Waits until the channel is ready for {@code operation}; false when the deadline passed first. */
    private static boolean await(Selector selector, SelectionKey key, int operation, Deadline deadline)
            throws IOException {
        key.interestOps(operation);
        try {
            while (true) {
                long millis = deadline.remaining().toMillis();
                if (millis <= 0) {
                    return false;
                }
                if (selector.select(millis) > 0) {
                    selector.selectedKeys().clear();
                    return true;
                }
            }
        } finally {
            key.interestOps(0);
        }
    }

    /** The largest send buffer the system gives a socket (tcp_wmem's third value). */
    private static long sendBufferMax() {
        try {
            // One line, read by lines: Files.readString trusts the size /proc reports.
            String line = Files.readAllLines(Path.of("/proc/sys/net/ipv4/tcp_wmem")).get(0);
            String[] values = line.trim().split("\\s+");
            return Long.parseLong(values[values.length - 1]);
        } catch (IOException | RuntimeException unknown) {
            return DEFAULT_SEND_BUFFER_MAX;
        }
    }

    /** Reads and drops the echo until the connection ends or the deadline passes: how it ended. */
    Connection.Ending drainToEnd(Deadline deadline) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
        try (Selector selector = Selector.open()) {
            SelectionKey key = channel.register(selector, 0);
            while (true) {
                try {
                    if (channel.read(buffer) == -1) {
                        return Connection.Ending.END_OF_STREAM;
                    }
                } catch (IOException reset) {
                    return Connection.Ending.RESET;
                }
                if (buffer.position() == 0 && !await(selector, key, SelectionKey.OP_READ, deadline)) {
                    return Connection.Ending.STILL_OPEN;
                }
                buffer.clear();
            }
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
