package kata.echo;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import kata.support.Graded;
import kata.support.Visibility;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Hidden checks: many clients at the same time, and the bound on handler threads. */
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
                clients.add(new Connection(port, EchoServerTest.REPLY_WITHIN));
            }
            // In reverse: the last client to connect must not wait for the first ones to leave.
            for (int i = 8; i >= 1; i--) {
                Connection client = clients.get(i - 1);
                client.send("client " + i + "\n");
                EchoServerTest.expectReply(client, "client " + i + "\n",
                        "Client " + i + " of 8 (all connected at once)", EchoFeedback.SERIAL);
            }
        } finally {
            for (Connection client : clients) {
                client.close();
            }
            EchoServerTest.stopWithin(server);
        }
    }

    /**
     * How long a client beyond the bound is watched for an answer it must not get. The one check that
     * watches for something NOT to happen: a thread-per-client server answers on loopback within
     * milliseconds, and a bounded one never answers while the others stay connected.
     */
    static final Duration UNSERVED_FOR = Duration.ofSeconds(2);

    @Test
    @DisplayName("maxClients = 2: a third client waits until one of the first two leaves, then is served")
    @Graded(id = "handlers-bounded", points = 2, visibility = Visibility.AFTER_DUE_DATE, timeoutSeconds = 60)
    void handlerThreadsAreBounded() throws Exception {
        EchoServer server = new EchoServer(2);
        try {
            int port = server.start();
            try (Connection first = new Connection(port, EchoServerTest.REPLY_WITHIN);
                 Connection second = new Connection(port, EchoServerTest.REPLY_WITHIN);
                 Connection third = new Connection(port, UNSERVED_FOR)) {
                first.send("1\n");
                EchoServerTest.expectReply(first, "1\n", "Client 1", EchoFeedback.SERIAL);
                second.send("2\n");
                EchoServerTest.expectReply(second, "2\n", "Client 2", EchoFeedback.SERIAL);

                third.send("3\n");
                if (answered(third)) {
                    fail(EchoFeedback.unbounded(2));
                }
                first.close();
                third.setReadTimeout(EchoServerTest.REPLY_WITHIN);
                EchoServerTest.expectReply(third, "3\n", "Client 3, after client 1 left,",
                        "A client beyond maxClients must be served as soon as a handler is free.");
            }
        } finally {
            EchoServerTest.stopWithin(server);
        }
    }

    private static boolean answered(Connection client) throws IOException {
        try {
            return !client.readLine().isEmpty();
        } catch (SocketTimeoutException notServed) {
            return false;
        }
    }
}
