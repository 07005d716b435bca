package kata.echo;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** A client of the echo server: sends one line at a time and returns the line that comes back. */
public class EchoClient implements AutoCloseable {

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    /** Bytes received after the last '\n' returned so far. */
    private final byte[] buffer = new byte[8192];
    private int start;
    private int end;

    /** Connects to the echo server on 127.0.0.1 at this port. */
    public EchoClient(int port) throws IOException {
        socket = new Socket(InetAddress.getLoopbackAddress(), port);
        in = socket.getInputStream();
        out = socket.getOutputStream();
    }

    /** Sends the line (without '\n'; UTF-8) followed by '\n', and returns the reply line without its '\n'. */
    public String echo(String line) throws IOException {
        out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
        ByteArrayOutputStream reply = new ByteArrayOutputStream();
        while (true) {
            for (int i = start; i < end; i++) {
                if (buffer[i] == '\n') {
                    reply.write(buffer, start, i - start);
                    start = i + 1;
                    return new String(reply.toByteArray(), StandardCharsets.UTF_8);
                }
            }
            reply.write(buffer, start, end - start);
            start = 0;
            end = in.read(buffer);
            if (end == -1) {
                end = 0;
                throw new EOFException("connection closed before the end of the reply");
            }
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
