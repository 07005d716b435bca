package kata.echo;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The checks' own echo server, for the client checks: so that a client is judged on its own,
 * whatever the student's server does. It serves one connection, records every line it receives
 * (bytes up to '\n') and sends each back byte for byte, in three writes when asked, so that the client
 * sees the reply arrive in pieces, or else in one. When the client closes the connection it records that too.
 * Or it cuts the first reply short: sends only its first bytes, without the '\n', and ends the connection.
 */
final class RecordingServer implements AutoCloseable {

    /** What the server recorded: a line the client sent (with its '\n'), or the end of the connection. */
    record Received(byte[] line, boolean ended) {
    }

    private final ServerSocket listener;
    private final Thread thread;
    private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
    private final List<byte[]> lines = new ArrayList<>();
    private final boolean inPieces;
    /** How many bytes of the first reply are sent before the connection ends, or -1 to send every reply whole. */
    private final int cutAfter;
    private volatile Socket connection;

    private RecordingServer(ServerSocket listener, boolean inPieces, int cutAfter) {
        this.listener = listener;
        this.inPieces = inPieces;
        this.cutAfter = cutAfter;
        this.thread = new Thread(this::serve, "test-recording-server");
        thread.setDaemon(true);
    }

    /** A server that replies in three pieces (client-round-trip) or in one write (checks of what the client keeps). */
    static RecordingServer start(boolean inPieces) throws IOException {
        return start(inPieces, -1);
    }

    /**
     * A server that reads the first line whole, sends back only its first {@code bytes} bytes (no
     * '\n'), and closes the connection: an orderly end of stream, since nothing sent is left unread.
     */
    static RecordingServer cuttingTheReply(int bytes) throws IOException {
        return start(false, bytes);
    }

    private static RecordingServer start(boolean inPieces, int cutAfter) throws IOException {
        RecordingServer server = new RecordingServer(new ServerSocket(0, 1, InetAddress.getLoopbackAddress()), inPieces,
                cutAfter);
        server.thread.start();
        return server;
    }

    int port() {
        return listener.getLocalPort();
    }

    private void serve() {
        try (Socket socket = listener.accept()) {
            connection = socket;
            InputStream in = new BufferedInputStream(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            int next;
            while ((next = in.read()) != -1) {
                line.write(next);
                if (next == '\n') {
                    byte[] bytes = line.toByteArray();
                    line.reset();
                    received.add(new Received(bytes, false));
                    if (cutAfter >= 0) {
                        out.write(bytes, 0, Math.min(cutAfter, bytes.length - 1));
                        out.flush();
                        return;
                    }
                    int third = inPieces ? bytes.length / 3 : 0;
                    out.write(bytes, 0, third);
                    out.flush();
                    out.write(bytes, third, third);
                    out.flush();
                    out.write(bytes, 2 * third, bytes.length - 2 * third);
                    out.flush();
                }
            }
            received.add(new Received(line.toByteArray(), true));
        } catch (IOException closed) {
            received.add(new Received(new byte[0], true));
        }
    }

    /** The next thing the server recorded, or null when nothing came before the deadline. */
    Received next(Deadline deadline) throws InterruptedException {
        Received next = received.poll(deadline.remaining().toNanos(), TimeUnit.NANOSECONDS);
        if (next != null && !next.ended()) {
            synchronized (lines) {
                lines.add(next.line());
            }
        }
        return next;
    }

    /** The lines recorded so far (for messages), including those not yet taken with {@link #next}. */
    List<byte[]> lines() {
        List<byte[]> all;
        synchronized (lines) {
            all = new ArrayList<>(lines);
        }
        received.stream().filter(r -> !r.ended()).forEach(r -> all.add(r.line()));
        return all;
    }

    @Override
    public void close() throws IOException {
        listener.close();
        Socket socket = connection;
        if (socket != null) {
            socket.close();
        }
    }
}
