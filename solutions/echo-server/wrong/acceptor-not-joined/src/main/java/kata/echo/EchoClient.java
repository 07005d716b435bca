package kata.echo;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.Writer;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A client of the echo server: sends one line at a time and returns the line that comes back.
 *
 * <p>A Reader and a Writer that both name UTF-8. The reply is read one character at a time up to
 * '\n' (never readLine(), which would also end at '\r'); the decoder keeps its state between reads,
 * so a character split over two TCP reads is decoded whole.
 */
public class EchoClient implements AutoCloseable {

    private final Socket socket;
    private final Reader in;
    private final Writer out;

    /** Connects to the echo server on 127.0.0.1 at this port. */
    public EchoClient(int port) throws IOException {
        socket = new Socket(InetAddress.getLoopbackAddress(), port);
        try {
            in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            out = new BufferedWriter(new OutputStreamWriter(socket.getOutputStream(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    /** Sends the line (without '\n'; UTF-8) followed by '\n', and returns the reply line without its '\n'. */
    public synchronized String echo(String line) throws IOException {
        out.write(line);
        out.write('\n');
        out.flush();
        StringBuilder reply = new StringBuilder();
        int c;
        while ((c = in.read()) != '\n') {
            if (c == -1) {
                throw new EOFException("the server closed the connection before the end of the reply line");
            }
            reply.append((char) c);
        }
        return reply.toString();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
