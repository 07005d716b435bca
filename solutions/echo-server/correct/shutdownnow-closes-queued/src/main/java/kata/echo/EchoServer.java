package kata.echo;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Blocking NIO channels in a fixed pool, stopped without a set of connections: an interrupt closes
 * an interruptible channel that a thread is blocked on, so shutdownNow() ends every handler (its
 * channel is closed), and the tasks it returns, never started, are the clients still waiting in the
 * queue: stop() closes their channels.
 */
public class EchoServer implements AutoCloseable {

    private final int maxClients;
    private ServerSocketChannel listener;
    private ExecutorService handlers;
    private Thread acceptor;

    /** A client's task: it keeps its channel, so that a task never started can still be closed. */
    private static final class Handler implements Runnable {
        final SocketChannel channel;

        Handler(SocketChannel channel) {
            this.channel = channel;
        }

        @Override
        public void run() {
            try (channel) {
                ByteBuffer in = ByteBuffer.allocate(8192);
                ByteBuffer line = ByteBuffer.allocate(256);
                while (channel.read(in) != -1) {
                    in.flip();
                    while (in.hasRemaining()) {
                        byte next = in.get();
                        if (!line.hasRemaining()) {
                            line = ByteBuffer.allocate(line.capacity() * 2).put(line.flip());
                        }
                        line.put(next);
                        if (next == '\n') {
                            line.flip();
                            while (line.hasRemaining()) {
                                channel.write(line);
                            }
                            line.clear();
                        }
                    }
                    in.clear();
                }
            } catch (IOException gone) {
                // the client left, or stop() interrupted this thread (which closed the channel)
            }
        }
    }

    public EchoServer(int maxClients) {
        if (maxClients < 1) {
            throw new IllegalArgumentException("maxClients must be at least 1, was " + maxClients);
        }
        this.maxClients = maxClients;
    }

    public synchronized int start() throws IOException {
        listener = ServerSocketChannel.open();
        listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        handlers = Executors.newFixedThreadPool(maxClients);
        ServerSocketChannel accepting = listener;
        ExecutorService pool = handlers;
        acceptor = new Thread(() -> {
            while (true) {
                try {
                    pool.execute(new Handler(accepting.accept()));
                } catch (IOException closed) {
                    return; // stop() closed the listener
                }
            }
        }, "echo-acceptor");
        acceptor.start();
        return ((InetSocketAddress) accepting.getLocalAddress()).getPort();
    }

    public synchronized void stop() throws InterruptedException {
        if (listener == null) {
            return;
        }
        try {
            listener.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        acceptor.join(); // every accepted client is in the pool now
        List<Runnable> neverStarted = handlers.shutdownNow();
        for (Runnable task : neverStarted) {
            try {
                ((Handler) task).channel.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
        while (!handlers.awaitTermination(10, TimeUnit.SECONDS)) {
            // every channel is closed: the handlers are on their way out
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
