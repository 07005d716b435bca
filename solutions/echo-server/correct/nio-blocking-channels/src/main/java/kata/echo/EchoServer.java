package kata.echo;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A line-based TCP echo server on the loopback interface: every line a client sends (bytes up to
 * and including '\n') comes back to that client unchanged. At most {@code maxClients} clients are
 * served at the same time; further clients wait until one leaves.
 *
 * <p>Blocking NIO channels: a channel closed by another thread makes the blocked
 * {@code accept()}/{@code read()} throw {@link java.nio.channels.AsynchronousCloseException}.
 */
public class EchoServer implements AutoCloseable {

    private final int maxClients;
    private final Set<SocketChannel> open = ConcurrentHashMap.newKeySet();
    private volatile ServerSocketChannel server;
    private volatile ExecutorService workers;
    private volatile Thread acceptor;

    public EchoServer(int maxClients) {
        if (maxClients < 1) {
            throw new IllegalArgumentException("maxClients must be at least 1, was " + maxClients);
        }
        this.maxClients = maxClients;
    }

    /** Binds a free port on 127.0.0.1 (port 0), starts accepting clients in the background, returns the port. */
    public int start() throws IOException {
        ServerSocketChannel channel = ServerSocketChannel.open();
        channel.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        ExecutorService pool = Executors.newFixedThreadPool(maxClients);
        Thread thread = new Thread(() -> {
            while (true) {
                SocketChannel client;
                try {
                    client = channel.accept();
                } catch (ClosedChannelException closed) {
                    return; // stop() closed the listener (AsynchronousCloseException is one)
                } catch (IOException e) {
                    if (!channel.isOpen()) {
                        return;
                    }
                    continue;
                }
                open.add(client);
                pool.execute(() -> echoLines(client));
            }
        }, "echo-nio-acceptor");
        server = channel;
        workers = pool;
        acceptor = thread;
        thread.start();
        return ((InetSocketAddress) channel.getLocalAddress()).getPort();
    }

    private void echoLines(SocketChannel client) {
        try (client) {
            ByteBuffer in = ByteBuffer.allocate(8192);
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            while (client.read(in) != -1) {
                in.flip();
                while (in.hasRemaining()) {
                    byte b = in.get();
                    line.write(b);
                    if (b == '\n') {
                        ByteBuffer reply = ByteBuffer.wrap(line.toByteArray());
                        while (reply.hasRemaining()) {
                            client.write(reply);
                        }
                        line.reset();
                    }
                }
                in.clear();
            }
        } catch (IOException e) {
            // closed by stop(), or reset by the client
        } finally {
            open.remove(client);
        }
    }

    /**
     * Closes the listener and every client connection, and returns once the accepting thread and
     * every handler have ended.
     */
    public void stop() throws InterruptedException {
        ServerSocketChannel channel = server;
        if (channel == null) {
            return;
        }
        try {
            channel.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        acceptor.join();
        for (SocketChannel client : open) {
            try {
                client.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
        ExecutorService pool = workers;
        pool.shutdown();
        if (!pool.awaitTermination(30, TimeUnit.SECONDS)) {
            pool.shutdownNow(); // interrupting a thread blocked on a channel closes that channel
            pool.awaitTermination(30, TimeUnit.SECONDS);
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
