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
    private final ByteBuffer incoming = ByteBuffer.allocate(8192);

    /** Connects to the echo server on 127.0.0.1 at this port. */
    public EchoClient(int port) throws IOException {
        channel = SocketChannel.open(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        incoming.flip(); // empty, ready to be read from
    }

    /** Sends the line (without '\n'; UTF-8) followed by '\n', and returns the reply line without its '\n'. */
    public String echo(String line) throws IOException {
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        ByteBuffer request = ByteBuffer.allocate(bytes.length + 1);
        request.put(bytes).put((byte) '\n').flip();
        while (request.hasRemaining()) {
            channel.write(request); // a blocking channel may still write only part of it
        }
        ByteArrayOutputStream reply = new ByteArrayOutputStream();
        while (true) {
            while (incoming.hasRemaining()) {
                byte b = incoming.get();
                if (b == '\n') {
                    return reply.toString(StandardCharsets.UTF_8);
                }
                reply.write(b);
            }
            incoming.clear();
            int n = channel.read(incoming);
            incoming.flip();
            if (n == -1) {
                throw new EOFException("the server closed the connection before the end of the reply");
            }
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
