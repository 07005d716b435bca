package kata.echo;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** Wrong (a read is not a message): decodes read by read; otherwise the reference: reads the reply byte by byte (buffered) up to '\n', however many reads it takes. */
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
        // Wrong: decodes each read on its own, so a character cut between two reads is garbled.
        StringBuilder reply = new StringBuilder();
        byte[] chunk = new byte[8192];
        while (reply.length() == 0 || reply.charAt(reply.length() - 1) != '\n') {
            int read = in.read(chunk);
            if (read == -1) {
                throw new EOFException("the server closed the connection after " + reply.length() + " chars of the reply");
            }
            reply.append(new String(chunk, 0, read, StandardCharsets.UTF_8));
        }
        return reply.substring(0, reply.length() - 1);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
