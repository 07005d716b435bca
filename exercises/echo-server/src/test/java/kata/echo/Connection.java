package kata.echo;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The checks' own raw client: it writes exactly the bytes a check wants, in the pieces it wants,
 * and every read is bounded by a {@link Deadline}, so that a server that never answers fails the
 * check instead of hanging it.
 */
final class Connection implements AutoCloseable {

    /** How a connection ended, as the client saw it. */
    enum Ending {
        /** The server closed it: end of stream. */
        END_OF_STREAM,
        /** The server reset it (closed with unread data, or the listener closed with it in the backlog). */
        RESET,
        /** Nothing came before the deadline: the server still holds the connection open. */
        STILL_OPEN
    }

    /** What came before the connection ended, and how it ended. */
    record End(byte[] before, Ending ending) {
    }

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    Connection(int port) throws IOException {
        socket = new Socket(InetAddress.getLoopbackAddress(), port);
        in = new BufferedInputStream(socket.getInputStream());
        out = socket.getOutputStream();
    }

    /** The client's own port: with the server's, it names the connection. */
    int localPort() {
        return socket.getLocalPort();
    }

    void send(String text) throws IOException {
        send(text.getBytes(StandardCharsets.UTF_8));
    }

    void send(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /** Sends end of stream (the client will send nothing more) and keeps reading. */
    void finishSending() throws IOException {
        socket.shutdownOutput();
    }

    /** Ends the connection with a reset instead of an orderly close: the server's next read throws. Once is enough. */
    void reset() throws IOException {
        if (!socket.isClosed()) {
            socket.setSoLinger(true, 0);
            socket.close();
        }
    }

    /**
     * Reads up to and including '\n'. Returns fewer bytes (no '\n') when the stream ends first;
     * throws {@link SocketTimeoutException} when the deadline passes first.
     */
    byte[] readLine(Deadline deadline) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int next;
        while ((next = read(deadline)) != -1) {
            line.write(next);
            if (next == '\n') {
                break;
            }
        }
        return line.toByteArray();
    }

    /** {@link #readLine(Deadline)} as UTF-8 text. */
    String readLineText(Deadline deadline) throws IOException {
        return new String(readLine(deadline), StandardCharsets.UTF_8);
    }

    /** Reads exactly this many bytes, or fewer if the stream ends or the deadline passes first. */
    byte[] readBytes(int count, Deadline deadline) throws IOException {
        byte[] bytes = new byte[count];
        int read = 0;
        try {
            while (read < count) {
                socket.setSoTimeout(deadline.socketTimeoutMillis());
                int n = in.read(bytes, read, count - read);
                if (n == -1) {
                    break;
                }
                read += n;
            }
        } catch (SocketTimeoutException nothingMore) {
            // What came so far is the answer; the check compares it.
        }
        return Arrays.copyOf(bytes, read);
    }

    /** Reads until the connection ends or the deadline passes: what came first, and how it ended. */
    End readToEnd(Deadline deadline) {
        ByteArrayOutputStream before = new ByteArrayOutputStream();
        try {
            int next;
            while ((next = read(deadline)) != -1) {
                before.write(next);
            }
            return new End(before.toByteArray(), Ending.END_OF_STREAM);
        } catch (SocketTimeoutException stillOpen) {
            return new End(before.toByteArray(), Ending.STILL_OPEN);
        } catch (IOException reset) {
            return new End(before.toByteArray(), Ending.RESET);
        }
    }

    private int read(Deadline deadline) throws IOException {
        socket.setSoTimeout(deadline.socketTimeoutMillis());
        return in.read();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
