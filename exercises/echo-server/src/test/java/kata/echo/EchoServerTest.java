package kata.echo;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import kata.support.Graded;
import kata.support.threads.Threads;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Public checks. Every wait is for something that must come (a reply, end of stream, a thread's
 * end) and is bounded, so that a wrong server fails a check instead of hanging it; nothing sleeps.
 */
class EchoServerTest {

    /** A bound for what must come; on loopback a correct server answers in milliseconds. */
    static final Duration REPLY_WITHIN = Duration.ofSeconds(10);

    /** 256 KiB: more than any single read returns, so a line always arrives in several reads. */
    static final int LONG_LINE_BYTES = 256 * 1024;

    @BeforeAll
    static void awaitilityMustNotFailOnOtherThreadsExceptions() {
        Awaitility.doNotCatchUncaughtExceptionsByDefault();
    }

    @Test
    @DisplayName("A client's line comes back unchanged, from the port start() returned")
    @Graded(id = "echo-one-line", points = 1, timeoutSeconds = 30)
    void echoesOneLine() throws Exception {
        EchoServer server = new EchoServer(2);
        try {
            int port = server.start();
            assertTrue(port > 0, EchoFeedback.badPort(port));

            try (Connection client = new Connection(port, REPLY_WITHIN)) {
                client.send("hello, echo\n");
                String reply = client.readLine();

                assertEquals("hello, echo\n", reply, EchoFeedback.wrongEcho("\"hello, echo\\n\"", 12, "hello, echo",
                        reply.length(), start(reply)));
            }
        } finally {
            stopWithin(server);
        }
    }

    @Test
    @DisplayName("Lines of 256 KiB sent in several pieces, and two lines in one piece, come back exactly")
    @Graded(id = "long-lines", points = 2, timeoutSeconds = 30)
    void echoesLongAndBatchedLines() throws Exception {
        EchoServer server = new EchoServer(2);
        try (Connection client = new Connection(server.start(), REPLY_WITHIN)) {
            String line = longLine('a') + "\n";
            // Written from another thread while this one reads: a server that echoes each piece at once
            // must not block on a full socket buffer because nobody reads yet.
            Thread sender = new Thread(() -> {
                try {
                    for (int piece = 0; piece < 4; piece++) {
                        client.send(line.substring(piece * line.length() / 4, (piece + 1) * line.length() / 4));
                    }
                } catch (IOException closed) {
                    // The reply then falls short, which the check reports.
                }
            }, "test-sender");
            sender.setDaemon(true);
            sender.start();
            String reply = client.readBytes(line.length());
            sender.join(REPLY_WITHIN.toMillis());
            assertEquals(line, reply, EchoFeedback.wrongEcho("One line of " + LONG_LINE_BYTES
                    + " bytes sent in 4 writes", line.length(), start(line), reply.length(), start(reply)));

            client.send("one\ntwo\n");
            String both = client.readBytes(8);
            assertEquals("one\ntwo\n", both, EchoFeedback.wrongEcho("\"one\\ntwo\\n\" in one write", 8, "one\\ntwo",
                    both.length(), start(both)));
        } finally {
            stopWithin(server);
        }
    }

    @Test
    @DisplayName("EchoClient sends a line and returns the reply, also a line of 256 KiB")
    @Graded(id = "client-round-trip", points = 2, timeoutSeconds = 30)
    void clientRoundTrip() throws Exception {
        EchoServer server = new EchoServer(2);
        try (EchoClient client = new EchoClient(server.start())) {
            String shortReply = client.echo("ping");
            String line = longLine('b');
            String longReply = client.echo(line);

            assertEquals("ping", shortReply, EchoFeedback.wrongEcho("EchoClient.echo(\"ping\")", 4, "ping",
                    shortReply.length(), start(shortReply)));
            assertEquals(line, longReply, EchoFeedback.wrongEcho("EchoClient.echo(a line of " + LONG_LINE_BYTES
                    + " bytes)", line.length(), start(line), longReply.length(), start(longReply)));
        } finally {
            stopWithin(server);
        }
    }

    @Test
    @DisplayName("A connected client that sends nothing does not delay another client")
    @Graded(id = "idle-client-does-not-delay-others", points = 2, timeoutSeconds = 30)
    void idleClientDoesNotDelayOthers() throws Exception {
        EchoServer server = new EchoServer(4);
        try {
            int port = server.start();
            try (Connection idle = new Connection(port, REPLY_WITHIN);
                 Connection busy = new Connection(port, REPLY_WITHIN)) {
                idle.send("half a line, and then nothing");
                busy.send("me too\n");

                expectReply(busy, "me too\n", "The second client, while the first sat idle mid-line,",
                        EchoFeedback.SERIAL);
            }
        } finally {
            stopWithin(server);
        }
    }

    @Test
    @DisplayName("maxClients = 1: a client that disconnects mid-line frees the server for the next")
    @Graded(id = "disconnect-mid-line", points = 1, timeoutSeconds = 30)
    void clientDisconnectingMidLineIsHandled() throws Exception {
        EchoServer server = new EchoServer(1);
        try {
            int port = server.start();
            try (Connection leaving = new Connection(port, REPLY_WITHIN)) {
                leaving.send("hello\n");
                expectReply(leaving, "hello\n", "The first client", EchoFeedback.SERIAL);
                leaving.send("gone before the end of this li");
            }
            try (Connection next = new Connection(port, REPLY_WITHIN)) {
                next.send("next\n");
                expectReply(next, "next\n", "The next client, after the first disconnected mid-line,",
                        EchoFeedback.HANDLER_STUCK);
            }
        } finally {
            stopWithin(server);
        }
    }

    @Test
    @DisplayName("stop() closes the listener and every connection and returns once its threads have ended")
    @Graded(id = "stop-closes-everything", points = 3, timeoutSeconds = 60)
    void stopClosesEverything() throws Exception {
        Set<Thread> before = Threads.alive();
        EchoServer server = new EchoServer(4);
        int port = server.start();
        List<Connection> clients = new ArrayList<>();
        try {
            for (int i = 1; i <= 3; i++) {
                Connection client = new Connection(port, REPLY_WITHIN);
                clients.add(client);
                client.send("client " + i + "\n");
                expectReply(client, "client " + i + "\n", "Client " + i, EchoFeedback.SERIAL);
            }

            Thread stopper = stopInBackground(server);
            stopper.join(REPLY_WITHIN.toMillis());
            if (stopper.isAlive()) {
                fail(EchoFeedback.stopDidNotReturn(REPLY_WITHIN.toSeconds(),
                        Threads.names(serverThreads(before, stopper))));
            }
            for (int i = 0; i < clients.size(); i++) {
                if (!clients.get(i).closedByServer()) {
                    fail(EchoFeedback.connectionLeftOpen(i + 1));
                }
            }
            try (ServerSocket again = new ServerSocket(port, 50, InetAddress.getLoopbackAddress())) {
                assertEquals(port, again.getLocalPort());
            } catch (IOException inUse) {
                fail(EchoFeedback.portNotFree(port, inUse.toString()));
            }
            // A thread that has finished its work may take a moment to be reported dead: wait for it, bounded.
            try {
                await().pollInSameThread().atMost(REPLY_WITHIN).until(() -> serverThreads(before, stopper).isEmpty());
            } catch (ConditionTimeoutException left) {
                fail(EchoFeedback.threadsLeft(Threads.names(serverThreads(before, stopper))));
            }
        } finally {
            for (Connection client : clients) {
                client.close();
            }
        }
    }

    static void expectReply(Connection client, String expected, String who, String why) throws IOException {
        String reply;
        try {
            reply = client.readLine();
        } catch (SocketTimeoutException none) {
            fail(EchoFeedback.noReply(who, REPLY_WITHIN.toSeconds(), why));
            return;
        }
        assertEquals(expected, reply, EchoFeedback.wrongEcho(who, expected.length(), start(expected), reply.length(),
                start(reply)));
    }

    /** The threads started since {@code before}, other than the test's own helper and the JVM's. */
    static Set<Thread> serverThreads(Set<Thread> before, Thread stopper) {
        return Threads.startedSince(before).stream()
                .filter(thread -> thread != stopper)
                .filter(thread -> thread.getThreadGroup() != null && !"system".equals(thread.getThreadGroup().getName()))
                .collect(Collectors.toUnmodifiableSet());
    }

    static Thread stopInBackground(EchoServer server) {
        Thread stopper = new Thread(() -> {
            try {
                server.stop();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "test-stopper");
        stopper.setDaemon(true);
        stopper.start();
        return stopper;
    }

    /** Cleanup for checks that are not about stop(): bounded, so that a stop() that hangs fails only its own check. */
    static void stopWithin(EchoServer server) throws InterruptedException {
        stopInBackground(server).join(REPLY_WITHIN.toMillis());
    }

    static String longLine(char letter) {
        StringBuilder line = new StringBuilder(LONG_LINE_BYTES);
        for (int i = 0; i < LONG_LINE_BYTES; i++) {
            line.append(i % 64 == 63 ? '.' : letter);
        }
        return line.toString();
    }

    static String start(String text) {
        String head = text.length() > 20 ? text.substring(0, 20) + "..." : text;
        return head.replace("\n", "\\n");
    }
}
