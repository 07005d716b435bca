package kata.echo;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A client of the echo server: sends one line at a time and returns the line that comes back. */
public class EchoClient implements AutoCloseable {

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    /** Bytes read past the last reply's '\n', kept for the next reply. */
    private byte[] buf = new byte[8192];
    private int len;

    /** Connects to the echo server on 127.0.0.1 at this port. */
    public EchoClient(int port) throws IOException {
        socket = new Socket(InetAddress.getLoopbackAddress(), port);
        try {
            in = socket.getInputStream();
            out = socket.getOutputStream();
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    /** Sends the line (without '\n'; UTF-8) followed by '\n', and returns the reply line without its '\n'. */
    public synchronized String echo(String line) throws IOException {
        byte[] body = line.getBytes(StandardCharsets.UTF_8);
        byte[] msg = Arrays.copyOf(body, body.length + 1);
        msg[body.length] = '\n';
        out.write(msg);
        out.flush();

        int scanned = 0;
        while (true) {
            for (int i = scanned; i < len; i++) {
                if (buf[i] == '\n') {
                    String reply = new String(buf, 0, i, StandardCharsets.UTF_8);
                    System.arraycopy(buf, i + 1, buf, 0, len - i - 1);
                    len -= i + 1;
                    return reply;
                }
            }
            scanned = len;
            if (len == buf.length) {
                buf = Arrays.copyOf(buf, buf.length * 2);
            }
            int n = in.read(buf, len, buf.length - len);
            if (n == -1) {
                throw new EOFException("the server closed the connection before the end of the reply line");
            }
            len += n;
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
