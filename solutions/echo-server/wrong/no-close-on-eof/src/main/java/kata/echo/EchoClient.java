package kata.echo;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;

/** A client of the echo server: sends one line at a time and returns the line that comes back. */
public class EchoClient implements AutoCloseable {

    private final SocketChannel channel;
    /** Read side: bytes received and not yet returned stay between position and limit (read mode). */
    private final ByteBuffer in = ByteBuffer.allocate(16 * 1024).flip();

    /** Connects to the echo server on 127.0.0.1 at this port. */
    public EchoClient(int port) throws IOException {
        channel = SocketChannel.open(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    }

    /** Sends the line (without '\n'; UTF-8) followed by '\n', and returns the reply line without its '\n'. */
    public synchronized String echo(String line) throws IOException {
        byte[] body = line.getBytes(StandardCharsets.UTF_8);
        ByteBuffer msg = ByteBuffer.allocate(body.length + 1);
        msg.put(body).put((byte) '\n').flip();
        while (msg.hasRemaining()) {
            channel.write(msg);
        }

        ByteArrayOutputStream reply = new ByteArrayOutputStream();
        while (true) {
            while (in.hasRemaining()) {
                byte b = in.get();
                if (b == '\n') {
                    return reply.toString(StandardCharsets.UTF_8);
                }
                reply.write(b);
            }
            in.clear();
            int n = channel.read(in);
            in.flip();
            if (n == -1) {
                throw new EOFException("the server closed the connection before the end of the reply line");
            }
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
