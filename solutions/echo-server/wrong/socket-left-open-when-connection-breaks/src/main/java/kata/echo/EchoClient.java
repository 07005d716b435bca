package kata.echo;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.Writer;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** A client of the echo server: sends one line at a time and returns the line that comes back. */
public class EchoClient implements AutoCloseable {

    private final Socket socket;
    private final Reader reader;
    private final Writer writer;

    /** Connects to the echo server on 127.0.0.1 at this port. */
    public EchoClient(int port) throws IOException {
        socket = new Socket(InetAddress.getLoopbackAddress(), port);
        try {
            // one decoder for the whole connection: a character split between two reads is kept whole
            reader = new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8);
            writer = new OutputStreamWriter(socket.getOutputStream(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    /** Sends the line (without '\n'; UTF-8) followed by '\n', and returns the reply line without its '\n'. */
    public synchronized String echo(String line) throws IOException {
        writer.write(line);
        writer.write('\n');
        writer.flush();

        StringBuilder reply = new StringBuilder(line.length() + 16);
        char[] one = new char[1];
        while (true) {
            int n = reader.read(one, 0, 1);
            if (n < 0) {
                throw new IOException("connection closed before the reply's '\\n'");
            }
            if (one[0] == '\n') {
                return reply.toString();
            }
            reply.append(one[0]);
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
