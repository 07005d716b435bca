package kata.echo;

import java.io.IOException;

/** A client of the echo server: sends one line at a time and returns the line that comes back. */
public class EchoClient implements AutoCloseable {

    /** Connects to the echo server on 127.0.0.1 at this port. */
    public EchoClient(int port) throws IOException {
        throw new UnsupportedOperationException("new EchoClient(port) is not written yet: connect a Socket to"
                + " InetAddress.getLoopbackAddress() at the port, and keep its input and output streams.");
    }

    /** Sends the line (without '\n'; UTF-8) followed by '\n', and returns the reply line without its '\n'. */
    public String echo(String line) throws IOException {
        throw new UnsupportedOperationException("EchoClient.echo(line) is not written yet: write the line and '\\n',"
                + " flush, then read until '\\n' (one read() may return part of a line, or more than one line).");
    }

    @Override
    public void close() throws IOException {
        throw new UnsupportedOperationException("EchoClient.close() is not written yet: close the socket.");
    }
}
