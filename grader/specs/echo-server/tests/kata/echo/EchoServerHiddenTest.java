package kata.echo;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import kata.support.Graded;
import kata.support.Visibility;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Hidden checks: many clients at the same time, the bound on handler threads, the loopback interface. */
class EchoServerHiddenTest {

    @Test
    @DisplayName("8 clients connected at once are all served, the last to connect first (maxClients = 8)")
    @Graded(id = "many-clients-at-once", points = 2, visibility = Visibility.AFTER_DUE_DATE, timeoutSeconds = 60)
    void manyClientsAtOnce() throws Exception {
        EchoServer server = new EchoServer(8);
        List<Connection> clients = new ArrayList<>();
        try {
            int port = server.start();
            for (int i = 1; i <= 8; i++) {
                clients.add(new Connection(port));
            }
            Deadline deadline = Deadline.in(EchoServerTest.PATIENCE);
            // In reverse: the last client to connect must not wait for the first ones to leave.
            for (int i = 8; i >= 1; i--) {
                Connection client = clients.get(i - 1);
                client.send("client " + i + "\n");
                EchoServerTest.expectReply(client, "client " + i + "\n",
                        "Client " + i + " of 8 (all connected at once, maxClients = 8)", EchoFeedback.SERIAL, deadline);
            }
        } finally {
            for (Connection client : clients) {
                client.close();
            }
            EchoServerTest.stopWithin(server);
        }
    }

    /**
     * How long a client beyond the bound is watched for an answer it must not get, after the clients
     * being served have each made another round trip. The one wait in these checks for something NOT
     * to happen, and so the one bound a correct server waits out: no event marks "the server decided
     * not to serve this client". A server without a bound answers on loopback within milliseconds,
     * and that answer fails the check as soon as it comes.
     */
    static final Duration UNSERVED_FOR = Duration.ofSeconds(1);

    /** Clients connected beyond maxClients = 3 in handlers-bounded. */
    private static final int WAITING = 6;

    @Test
    @DisplayName("maxClients = 3: six more clients wait until one of the first three leaves, then the first of them is served; with maxClients = 1, 40 clients wait and each is served once another leaves")
    @Graded(id = "handlers-bounded", points = 2, visibility = Visibility.AFTER_DUE_DATE, timeoutSeconds = 60)
    void handlerThreadsAreBounded() throws Exception {
        EchoServer server = new EchoServer(3);
        List<Connection> served = new ArrayList<>();
        try {
            int port = server.start();
            Deadline deadline = Deadline.in(EchoServerTest.PATIENCE);
            // Three, above the two CPUs the checks' JVM sees: a pool sized by availableProcessors() shows.
            for (int i = 1; i <= 3; i++) {
                Connection client = new Connection(port);
                served.add(client);
                client.send(i + "\n");
                EchoServerTest.expectReply(client, i + "\n", "Client " + i + " (maxClients = 3)",
                        EchoFeedback.NOT_SERVED, deadline);
            }
            // Six clients beyond the bound, more than twice maxClients: a pool whose queue is bounded
            // too must still let them wait, not serve the overflow on the accepting thread.
            List<Connection> waiting = new ArrayList<>();
            try {
                for (int i = 4; i <= 3 + WAITING; i++) {
                    Connection client = new Connection(port);
                    waiting.add(client);
                    client.send(i + "\n");
                }
                for (int i = 1; i <= 3; i++) {
                    served.get(i - 1).send(i + " again\n");
                    EchoServerTest.expectReply(served.get(i - 1), i + " again\n", "Client " + i,
                            EchoFeedback.NOT_SERVED, deadline);
                }
                Deadline unserved = Deadline.in(UNSERVED_FOR);
                for (Connection client : waiting) {
                    if (answered(client, unserved)) {
                        fail(EchoFeedback.unbounded(3, 3));
                    }
                }
                served.get(1).close();
                EchoServerTest.expectReply(waiting.get(0), "4\n", "Client 4, after client 2 left,",
                        "A client beyond maxClients waits in the queue and must be served as soon as a handler is"
                                + " free: the handler of a client that left must take the next one.", deadline);
            } finally {
                for (Connection client : waiting) {
                    client.close();
                }
            }
        } finally {
            for (Connection client : served) {
                client.close();
            }
            EchoServerTest.stopWithin(server);
        }
        manyWaitForOneHandler();
    }

    /** Clients waiting for the one handler of maxClients = 1: more than a small bound on the queue lets wait. */
    private static final int QUEUED = 40;

    /**
     * With maxClients = 1, one client served and 40 more connected, each with its line sent: only the
     * number of handlers is bounded, so every one of them waits (none is turned away) and is served once
     * the client before it leaves. In whatever order: each one served leaves at once.
     */
    private static void manyWaitForOneHandler() throws Exception {
        EchoServer server = new EchoServer(1);
        List<SocketChannel> waiting = new ArrayList<>();
        try (Selector selector = Selector.open()) {
            int port = server.start();
            Deadline deadline = Deadline.in(EchoServerTest.PATIENCE);
            try (Connection first = new Connection(port)) {
                first.send("first\n");
                EchoServerTest.expectReply(first, "first\n", "The first client (maxClients = 1)",
                        EchoFeedback.NOT_SERVED, deadline);
                for (int i = 1; i <= QUEUED; i++) {
                    SocketChannel client = SocketChannel.open(
                            new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
                    waiting.add(client);
                    client.write(ByteBuffer.wrap(line(i)));
                    client.configureBlocking(false);
                    client.register(selector, SelectionKey.OP_READ, new Reply(i));
                }
            }
            // The first client has left: from now on each client served frees the handler for the next.
            int served = 0;
            while (served < QUEUED) {
                if (selector.select(deadline.socketTimeoutMillis()) == 0 && deadline.passed()) {
                    fail(EchoFeedback.noReply("None of the " + (QUEUED - served) + " clients still waiting",
                            deadline.seconds(), "With maxClients = 1, " + QUEUED + " clients waited while the first was"
                                    + " served; the first left and " + served + " of them have been served in turn and"
                                    + " left too. A client beyond the limit waits until a handler is free, and is"
                                    + " served then."));
                }
                for (SelectionKey key : selector.selectedKeys()) {
                    Reply reply = (Reply) key.attachment();
                    if (reply.readFrom((SocketChannel) key.channel())) {
                        if (!Arrays.equals(line(reply.client), reply.bytes.toByteArray())) {
                            fail(EchoFeedback.wrongEcho("Waiting client " + reply.client + " of " + QUEUED
                                    + " (maxClients = 1)", line(reply.client), reply.bytes.toByteArray()));
                        }
                        key.channel().close();
                        served++;
                    } else if (reply.ended) {
                        fail(EchoFeedback.turnedAway(reply.client, QUEUED, served, reply.bytes.toByteArray()));
                    }
                }
                selector.selectedKeys().clear();
            }
        } finally {
            for (SocketChannel client : waiting) {
                client.close();
            }
            EchoServerTest.stopWithin(server);
        }
    }

    private static byte[] line(int client) {
        return ("waiting " + client + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /** The reply of one waiting client, as it arrives. */
    private static final class Reply {
        final int client;
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        boolean ended;

        Reply(int client) {
            this.client = client;
        }

        /** Reads what has arrived: true once the reply's '\n' is here; {@link #ended} if the connection ended first. */
        boolean readFrom(SocketChannel channel) {
            ByteBuffer buffer = ByteBuffer.allocate(256);
            try {
                int n;
                while ((n = channel.read(buffer.clear())) > 0) {
                    bytes.write(buffer.array(), 0, n);
                    if (buffer.array()[n - 1] == '\n') {
                        return true;
                    }
                }
                ended = n < 0;
            } catch (IOException reset) {
                ended = true;
            }
            return false;
        }
    }

    private static boolean answered(Connection client, Deadline deadline) throws IOException {
        try {
            return client.readLine(deadline).length > 0;
        } catch (SocketTimeoutException notServed) {
            return false;
        }
    }

    @Test
    @DisplayName("The server listens on 127.0.0.1 only: a connection to another address of this machine is refused")
    @Graded(id = "loopback-only", points = 1, visibility = Visibility.AFTER_DUE_DATE, timeoutSeconds = 30)
    void listensOnLoopbackOnly() throws Exception {
        EchoServer server = new EchoServer(2);
        try {
            int port = server.start();
            // 127.0.0.2 is this machine too, but not the address the server was told to bind: only a
            // listener on every interface (the wildcard address) accepts it. A refused connection is as
            // immediate as an accepted one.
            InetAddress other = InetAddress.getByAddress(new byte[] {127, 0, 0, 2});
            try (Socket probe = new Socket()) {
                probe.connect(new InetSocketAddress(other, port), (int) EchoServerTest.PATIENCE.toMillis());
                fail(EchoFeedback.notLoopbackOnly(port, other.getHostAddress()));
            } catch (IOException refused) {
                // Listening on 127.0.0.1 only: the connection was refused.
            }
        } finally {
            EchoServerTest.stopWithin(server);
        }
    }
}
