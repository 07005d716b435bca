package kata.echo;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The tests' own raw client: it writes exactly the bytes a check wants, in the pieces it wants,
 * and every read is bounded by the socket's timeout, so that a server that never answers fails the
 * check instead of hanging it.
 */
final class Connection implements AutoCloseable {

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    Connection(int port, Duration readTimeout) throws IOException {
        socket = new Socket(InetAddress.getLoopbackAddress(), port);
        socket.setSoTimeout((int) readTimeout.toMillis());
        in = socket.getInputStream();
        out = socket.getOutputStream();
    }

    void setReadTimeout(Duration timeout) throws IOException {
        socket.setSoTimeout((int) timeout.toMillis());
    }

    void send(String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** Reads until '\n' (included) or end of stream; throws SocketTimeoutException when nothing more comes. */
    String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int next;
        while ((next = in.read()) != -1) {
            line.write(next);
            if (next == '\n') {
                break;
            }
        }
        return line.toString(StandardCharsets.UTF_8);
    }

    /** Reads exactly this many bytes, or fewer if the stream ends or the timeout passes first. */
    String readBytes(int count) throws IOException {
        byte[] bytes = new byte[count];
        int read = 0;
        try {
            while (read < count) {
                int n = in.read(bytes, read, count - read);
                if (n == -1) {
                    break;
                }
                read += n;
            }
        } catch (SocketTimeoutException nothingMore) {
            // What came so far is the answer; the check compares it.
        }
        return new String(bytes, 0, read, StandardCharsets.UTF_8);
    }

    /** True when the server closed this connection: end of stream or an error, before the timeout. */
    boolean closedByServer() {
        try {
            return in.read() == -1;
        } catch (SocketTimeoutException stillOpen) {
            return false;
        } catch (IOException reset) {
            return true;
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
