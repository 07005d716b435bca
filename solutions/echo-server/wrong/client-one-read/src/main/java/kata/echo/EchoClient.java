package kata.echo;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** Wrong: takes one read() for the whole reply line. */
public class EchoClient implements AutoCloseable {

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    public EchoClient(int port) throws IOException {
        socket = new Socket(InetAddress.getLoopbackAddress(), port);
        in = new BufferedInputStream(socket.getInputStream());
        out = socket.getOutputStream();
    }

    public String echo(String line) throws IOException {
        out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
        // Wrong: one read() is taken for the whole reply.
        byte[] reply = new byte[8192];
        int read = in.read(reply);
        if (read == -1) {
            throw new EOFException("the server closed the connection");
        }
        return new String(reply, 0, read, StandardCharsets.UTF_8).strip();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
