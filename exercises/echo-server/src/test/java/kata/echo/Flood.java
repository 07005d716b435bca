package kata.echo;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.function.BooleanSupplier;

/**
 * A client that sends lines and never reads the replies: once the buffers between it and the server
 * are full, the server's handler for it blocks in write() until the connection is closed. Its writes
 * never block the check: they are non-blocking, and every wait is bounded.
 */
final class Flood implements AutoCloseable {

    /** How long the client waits for room before it looks again whether the server is settled. */
    private static final long LOOK_AGAIN_MILLIS = 20;
    /**
     * Looks in a row that must find the connection full and the server settled: a thread seen in a
     * native read() or write() may be passing through it, one blocked there stays.
     */
    private static final int SETTLED_LOOKS = 5;
    /** The client's own receive buffer, small and fixed, so that the server's replies fill it soon. */
    private static final int RECEIVE_BUFFER = 16 * 1024;

    private final SocketChannel channel;

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
     * Sends lines of 1 KiB until the connection takes nothing more while {@code serverSettled} says
     * that none of the server's threads is still at work (each one waits: in a write() that the full
     * connection blocks, in a read(), in accept(), parked), or {@code limit} bytes went, or the
     * deadline passed. A server that does not buffer without bound ends up with its handler blocked
     * in write(), since nobody reads the replies.
     */
    long sendUntilFull(long limit, Deadline deadline, BooleanSupplier serverSettled) throws IOException {
        ByteBuffer line = ByteBuffer.wrap(("f".repeat(1023) + "\n").getBytes(StandardCharsets.US_ASCII));
        long sent = 0;
        int settledLooks = 0;
        try (Selector selector = Selector.open()) {
            SelectionKey key = channel.register(selector, 0);
            while (sent < limit && !deadline.passed()) {
                if (!line.hasRemaining()) {
                    line.rewind();
                }
                int written = channel.write(line);
                if (written > 0) {
                    sent += written;
                    settledLooks = 0;
                    continue;
                }
                settledLooks = serverSettled.getAsBoolean() ? settledLooks + 1 : 0;
                if (settledLooks >= SETTLED_LOOKS) {
                    return sent;
                }
                // The server is still at work: wait for room, or look again soon (nothing tells when a
                // thread settles in a native read() or write()).
                key.interestOps(SelectionKey.OP_WRITE);
                selector.select(LOOK_AGAIN_MILLIS);
                selector.selectedKeys().clear();
                key.interestOps(0);
            }
            return sent;
        }
    }

    /**
     * Sends one short line and reads until its reply has come, before the deadline: whether a handler
     * serves this client (only then can the flood that follows block a handler).
     */
    boolean served(Deadline deadline) throws IOException {
        byte[] line = "flood\n".getBytes(StandardCharsets.US_ASCII);
        ByteBuffer out = ByteBuffer.wrap(line);
        while (out.hasRemaining()) {
            channel.write(out); // a few bytes into an empty connection: never 0 for long
        }
        ByteBuffer in = ByteBuffer.allocate(line.length);
        try (Selector selector = Selector.open()) {
            channel.register(selector, SelectionKey.OP_READ);
            while (in.hasRemaining()) {
                long millis = deadline.remaining().toMillis();
                if (millis <= 0) {
                    return false;
                }
                if (selector.select(millis) > 0) {
                    selector.selectedKeys().clear();
                    if (channel.read(in) == -1) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    /** Reads and drops the replies until the connection ends or the deadline passes: how it ended. */
    Connection.Ending drainToEnd(Deadline deadline) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
        try (Selector selector = Selector.open()) {
            channel.register(selector, SelectionKey.OP_READ);
            while (true) {
                long millis = deadline.remaining().toMillis();
                if (millis <= 0) {
                    return Connection.Ending.STILL_OPEN;
                }
                if (selector.select(millis) == 0) {
                    continue;
                }
                selector.selectedKeys().clear();
                try {
                    if (channel.read(buffer) == -1) {
                        return Connection.Ending.END_OF_STREAM;
                    }
                } catch (IOException reset) {
                    return Connection.Ending.RESET;
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
