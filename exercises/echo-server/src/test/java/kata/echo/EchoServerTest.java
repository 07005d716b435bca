package kata.echo;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import kata.support.Graded;
import kata.support.threads.Call;
import kata.support.threads.Deadlocks;
import kata.support.threads.Threads;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Public checks. They talk to the server over real sockets on 127.0.0.1 (sockets are not under the
 * kata's scheduler). Every wait is for something that must come (a reply, the end of a connection,
 * the end of stop()) and has a deadline only as a backstop, so that a wrong server fails a check
 * instead of hanging it; nothing sleeps, and no verdict depends on how fast the machine is. The
 * client is checked against the checks' own server, so that it is judged on its own.
 */
class EchoServerTest {

    /** The backstop for what must come; on loopback a correct server answers in milliseconds. */
    static final Duration PATIENCE = Duration.ofSeconds(5);

    /** 256 KiB: more than any single read returns, so a line always arrives in several reads. */
    static final int LONG_LINE_BYTES = 256 * 1024;

    @Test
    @DisplayName("A client's line comes back unchanged, from the port start() returned")
    @Graded(id = "echo-one-line", points = 1, timeoutSeconds = 30)
    void echoesOneLine() throws Exception {
        EchoServer server = new EchoServer(2);
        try {
            int port = server.start();
            assertTrue(port > 0, EchoFeedback.badPort(port));

            try (Connection client = new Connection(port)) {
                client.send("hello, echo\n");
                expectReply(client, "hello, echo\n", "The client", EchoFeedback.SERIAL, Deadline.in(PATIENCE));
            }
        } finally {
            stopWithin(server);
        }
    }

    @Test
    @DisplayName("Lines of 256 KiB sent in several pieces, two lines in one piece, and a line sent with the start of the next come back exactly, each once its '\\n' has arrived")
    @Graded(id = "long-lines", points = 2, timeoutSeconds = 30)
    void echoesLongAndBatchedLines() throws Exception {
        EchoServer server = new EchoServer(2);
        try (Connection client = new Connection(server.start())) {
            Deadline deadline = Deadline.in(PATIENCE);
            byte[] line = (longLine('a') + "\n").getBytes(StandardCharsets.UTF_8);
            // Written from another thread while this one reads, so that neither side can block the other
            // on a full socket buffer.
            Call<Void> sender = Call.run("test-sender", () -> {
                for (int piece = 0; piece < 4; piece++) {
                    client.send(Arrays.copyOfRange(line, piece * line.length / 4, (piece + 1) * line.length / 4));
                }
            });
            byte[] reply = client.readBytes(line.length, deadline);
            sender.awaitEnd(deadline.remaining());
            if (!Arrays.equals(line, reply)) {
                fail(EchoFeedback.wrongEcho("One line of " + LONG_LINE_BYTES + " bytes sent in 4 writes", line, reply));
            }

            byte[] both = "one\ntwo\n".getBytes(StandardCharsets.UTF_8);
            client.send(both);
            byte[] bothBack = client.readBytes(both.length, deadline);
            if (!Arrays.equals(both, bothBack)) {
                fail(EchoFeedback.wrongEcho("\"one\\ntwo\\n\" in one write", both, bothBack));
            }

            // A whole line and the start of the next in one write: the whole line comes back before the
            // rest of the next one is sent.
            Deadline replyDeadline = Deadline.in(PATIENCE);
            client.send(bytes("three\nfou"));
            byte[] three;
            try {
                three = client.readLine(replyDeadline);
            } catch (SocketTimeoutException none) {
                fail(EchoFeedback.noReply("\"three\\n\", sent in one write with \"fou\" (the start of the next line),",
                        PATIENCE.toSeconds(), "A line comes back once its '\\n' has arrived, also when the next line's"
                                + " first bytes came with it: send (and flush) every whole line before you wait for"
                                + " more bytes."));
                return;
            }
            if (!Arrays.equals(bytes("three\n"), three)) {
                fail(EchoFeedback.wrongEcho("\"three\\n\" sent in one write with \"fou\"", bytes("three\n"), three));
            }
            client.send(bytes("r\n"));
            byte[] four = client.readBytes("four\n".length(), replyDeadline);
            if (!Arrays.equals(bytes("four\n"), four)) {
                fail(EchoFeedback.wrongEcho("\"fou\" and then \"r\\n\"", bytes("four\n"), four));
            }
        } finally {
            stopWithin(server);
        }
    }

    /** Lines whose bytes a server that handles text, not bytes, changes. */
    static final List<byte[]> UNUSUAL_LINES = List.of(
            bytes("a carriage\rreturn inside\n"),
            bytes("a Windows line end\r\n"),
            bytes("\r\n"),
            bytes("\n"),
            concat(bytes("not UTF-8: "), new byte[] {(byte) 0xFF, (byte) 0xFE, ' ', (byte) 0xC3, ' ', (byte) 0x80, ' ',
                    (byte) 0xC0, (byte) 0xAF, ' ', (byte) 0xED, (byte) 0xA0, (byte) 0x80, ' ', 0, '\n'}),
            bytes("UTF-8: h\u00e9llo w\u00f6rld \u2713 \ud83d\ude00\n"));

    @Test
    @DisplayName("A line comes back byte for byte: '\\r' and \"\\r\\n\" inside it, an empty line, bytes that are not UTF-8")
    @Graded(id = "byte-exact", points = 2, timeoutSeconds = 30)
    void echoesBytesUnchanged() throws Exception {
        EchoServer server = new EchoServer(2);
        try (Connection client = new Connection(server.start())) {
            Deadline deadline = Deadline.in(PATIENCE);
            // One line at a time, each after the previous one came back: several lines in one piece are
            // long-lines' business.
            for (int i = 0; i < UNUSUAL_LINES.size(); i++) {
                byte[] expected = UNUSUAL_LINES.get(i);
                client.send(expected);
                String what = "Line " + (i + 1) + " of " + UNUSUAL_LINES.size() + ", " + EchoFeedback.describe(expected) + ",";
                byte[] got;
                try {
                    got = client.readLine(deadline);
                } catch (SocketTimeoutException none) {
                    fail(EchoFeedback.noReply(what, deadline.seconds(), "Every line the client sends comes back,"
                            + " byte for byte, once its '\\n' has arrived."));
                    return;
                }
                if (!Arrays.equals(expected, got)) {
                    fail(EchoFeedback.notByteExact(what, expected, got));
                }
            }
        } finally {
            stopWithin(server);
        }
    }

    @Test
    @DisplayName("Part of a line never comes back: a client that ends its stream in the middle of a line, short or longer than any buffer, gets back only its whole lines")
    @Graded(id = "whole-lines", points = 1, timeoutSeconds = 30)
    void echoesOnlyWholeLines() throws Exception {
        EchoServer server = new EchoServer(2);
        try {
            int port = server.start();
            endsMidLine(port, bytes("and half a li"));
            // Longer than any buffer a handler may read into: a full buffer is not the end of a line.
            endsMidLine(port, bytes(longLine('b')));
        } finally {
            stopWithin(server);
        }
    }

    private static void endsMidLine(int port, byte[] unfinished) throws Exception {
        byte[] whole = bytes("a whole line\n");
        byte[] sent = concat(whole, unfinished);
        try (Connection client = new Connection(port)) {
            Deadline deadline = Deadline.in(PATIENCE);
            // Written from another thread while this one reads: a server that echoes early must not block
            // this check on a full socket buffer.
            Call<Void> sender = Call.run("test-sender", () -> {
                client.send(sent);
                client.finishSending();
            });
            Connection.End end = client.readToEnd(deadline);
            sender.awaitEnd(deadline.remaining());
            if (end.before().length > whole.length && Arrays.equals(whole, Arrays.copyOf(end.before(), whole.length))) {
                fail(EchoFeedback.partOfALine(sent, end.before()));
            }
            if (!Arrays.equals(whole, end.before())) {
                fail(EchoFeedback.notByteExact("The line \"a whole line\\n\" (sent before the unfinished one)", whole,
                        end.before()));
            }
            if (end.ending() == Connection.Ending.STILL_OPEN) {
                fail(EchoFeedback.notClosedAfterEndOfStream(PATIENCE.toSeconds()));
            }
        }
    }

    /** An accented letter, a check mark and an emoji: 2, 3 and 4 bytes in UTF-8. */
    static final String MIXED_WIDTHS = "\u00e9\u2713\ud83d\ude00";

    @Test
    @DisplayName("EchoClient sends a line and returns the reply, also of 256 KiB of accented letters and emoji arriving in pieces, and throws an IOException when the connection ends before the reply's '\\n'; close() ends the connection")
    @Graded(id = "client-round-trip", points = 2, timeoutSeconds = 30)
    void clientRoundTrip() throws Exception {
        try (RecordingServer echo = RecordingServer.start(true)) {
            Deadline deadline = Deadline.in(PATIENCE);
            EchoClient client = call("new EchoClient(port)", () -> new EchoClient(echo.port()), echo, deadline);
            try {
                clientEchoes(client, "ping", echo, deadline);
                // 256 KiB of characters of 2, 3 and 4 bytes: the reply comes in several reads, and some of
                // them end in the middle of a character.
                clientEchoes(client, MIXED_WIDTHS.repeat(LONG_LINE_BYTES / MIXED_WIDTHS.getBytes(StandardCharsets.UTF_8).length),
                        echo, deadline);
                clientEchoes(client, "ping again", echo, deadline);
            } finally {
                call("EchoClient.close()", () -> {
                    client.close();
                    return null;
                }, echo, deadline);
            }
            RecordingServer.Received end = echo.next(deadline);
            if (end == null || !end.ended()) {
                fail(EchoFeedback.clientDidNotClose(deadline.seconds()));
            }
        }
        // The connection ends before the reply's '\n': after part of the reply, and before any of it.
        endsBeforeTheReply("cut short", 3);
        endsBeforeTheReply("no reply", 0);
    }

    /**
     * The checks' server reads the line, sends back only its first {@code replyBytes} bytes and ends the
     * connection: there is no reply line, and echo() must say so with an IOException.
     */
    private static void endsBeforeTheReply(String line, int replyBytes) throws Exception {
        try (RecordingServer cut = RecordingServer.cuttingTheReply(replyBytes)) {
            Deadline deadline = Deadline.in(PATIENCE);
            EchoClient client = call("new EchoClient(port)", () -> new EchoClient(cut.port()), cut, deadline);
            String what = "EchoClient.echo(" + EchoFeedback.describe(bytes(line)) + ")";
            try {
                Call<String> echo = Call.start("test-client", () -> client.echo(line));
                if (!echo.awaitEnd(deadline.remaining())) {
                    fail(EchoFeedback.clientDidNotReturnAtEnd(what, replyBytes, deadline.seconds(), echo.where()));
                }
                Optional<Throwable> thrown = echo.thrown();
                if (thrown.isEmpty()) {
                    fail(EchoFeedback.returnedWithoutAReplyLine(what, replyBytes, echo.result()));
                }
                if (!(thrown.get() instanceof IOException)) {
                    fail(EchoFeedback.wrongErrorWithoutAReplyLine(what, replyBytes, thrown.get()), thrown.get());
                }
            } finally {
                call("EchoClient.close()", () -> {
                    client.close();
                    return null;
                }, cut, deadline);
            }
        }
    }

    @Test
    @DisplayName("EchoClient sends UTF-8 and returns the reply exactly: accents and emoji, '\\r' inside and at the end, an empty line")
    @Graded(id = "client-byte-exact", points = 1, timeoutSeconds = 30)
    void clientKeepsEveryByte() throws Exception {
        // Each reply in one write: a client that takes one read() for a reply fails client-round-trip, not this.
        try (RecordingServer echo = RecordingServer.start(false)) {
            Deadline deadline = Deadline.in(PATIENCE);
            EchoClient client = call("new EchoClient(port)", () -> new EchoClient(echo.port()), echo, deadline);
            try {
                clientEchoes(client, "h\u00e9llo w\u00f6rld \u2713 \ud83d\ude00", echo, deadline);
                clientEchoes(client, "x\ry", echo, deadline);
                clientEchoes(client, "ends with\r", echo, deadline);
                clientEchoes(client, "", echo, deadline);
                clientEchoes(client, "\r", echo, deadline);
                clientEchoes(client, "after", echo, deadline);
            } finally {
                call("EchoClient.close()", () -> {
                    client.close();
                    return null;
                }, echo, deadline);
            }
        }
    }

    @Test
    @DisplayName("A connected client that sits idle mid-line does not delay another client, and its line comes back whole once it finishes it, also after a pause longer than a time-out on the server's reads")
    @Graded(id = "idle-client-does-not-delay-others", points = 2, timeoutSeconds = 30)
    void idleClientDoesNotDelayOthers() throws Exception {
        try (ServerSockets sockets = ServerSockets.install()) {
            EchoServer server = new EchoServer(4);
            try {
                int port = server.start();
                try (Connection idle = new Connection(port)) {
                    idle.send("half a line, ");
                    try (Connection busy = new Connection(port)) {
                        busy.send("me too\n");
                        expectReply(busy, "me too\n", "The second client, while the first sat idle mid-line,",
                                EchoFeedback.SERIAL, Deadline.in(PATIENCE));
                    }
                    int timeOut = pauseLongerThanTheReadTimeOut(sockets, idle);
                    idle.send("and the rest\n");
                    byte[] expected = bytes("half a line, and the rest\n");
                    byte[] got = replyOrNull(idle, Deadline.in(PATIENCE));
                    if (got == null) {
                        fail(EchoFeedback.noReply("The first client, which finished its line after sitting idle"
                                + " mid-line,", PATIENCE.toSeconds(), "A line is the bytes up to '\\n', however"
                                + " long the client takes to send them: once its '\\n' has arrived, the whole line"
                                + " comes back."));
                    }
                    if (!Arrays.equals(expected, got)) {
                        fail(timeOut > 0 ? EchoFeedback.lineCutByReadTimeOut(timeOut, expected, got)
                                : EchoFeedback.wrongEcho("A line sent in two pieces, with a pause between them",
                                        expected, got));
                    }
                }
            } finally {
                stopWithin(server);
            }
        }
    }

    /** The longest time-out on the server's reads that the check waits out (a longer one is not waited for). */
    private static final Duration LONGEST_READ_TIME_OUT = Duration.ofSeconds(5);

    /**
     * When the server's socket of this client has a time-out on its reads (setSoTimeout, to look at a
     * flag now and then), pauses until every thread of the server that was reading a socket has woken
     * from its read (it ran: its CPU time grew) and is back in a read, or ended or waits: the handler's
     * read timed out at least once in the middle of the line. Returns that time-out in milliseconds,
     * 0 when there is none: then nothing is waited for.
     */
    private static int pauseLongerThanTheReadTimeOut(ServerSockets sockets, Connection client) {
        int timeOut = sockets.serverEnd(client.localPort()).map(EchoServerTest::readTimeOut).orElse(0);
        if (timeOut <= 0 || timeOut > LONGEST_READ_TIME_OUT.toMillis()) {
            return 0;
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<Thread, Long> readers = new HashMap<>();
        for (Thread thread : sockets.serverThreads()) {
            if (thread.getState() == Thread.State.RUNNABLE && ServerHooks.inSocketCall(thread.getStackTrace(), false)) {
                readers.put(thread, threads.getThreadCpuTime(thread.getId()));
            }
        }
        // The bound is a backstop: a read with this time-out wakes within it.
        Deadline deadline = Deadline.in(Duration.ofMillis(timeOut).plus(PATIENCE));
        while (!deadline.passed() && !readers.entrySet().stream().allMatch(reader -> wokeAndWaitsAgain(reader.getKey(),
                reader.getValue(), threads))) {
            // Nothing tells when a thread leaves a native read: look again soon.
            LockSupport.parkNanos(1_000_000L);
        }
        return timeOut;
    }

    private static boolean wokeAndWaitsAgain(Thread reader, long cpuTimeInTheRead, ThreadMXBean threads) {
        if (!reader.isAlive()) {
            return true;
        }
        Thread.State state = reader.getState();
        return threads.getThreadCpuTime(reader.getId()) > cpuTimeInTheRead
                && (state != Thread.State.RUNNABLE || ServerHooks.inSocketCall(reader.getStackTrace(), false));
    }

    private static int readTimeOut(Object socket) {
        try {
            return socket instanceof Socket s ? s.getSoTimeout() : ((SocketChannel) socket).socket().getSoTimeout();
        } catch (IOException closed) {
            return 0;
        }
    }

    @Test
    @DisplayName("maxClients = 2: two clients that leave mid-line, then two whose connections break mid-line, each free their handler for the next client, and the server closes each one's socket and takes it out of its set of connections")
    @Graded(id = "disconnect-mid-line", points = 1, timeoutSeconds = 30)
    void clientDisconnectingMidLineIsHandled() throws Exception {
        try (ServerSockets sockets = ServerSockets.install()) {
            EchoServer server = new EchoServer(2);
            try {
                int port = server.start();
                Deadline deadline = Deadline.in(PATIENCE);
                // Shared by the looks at the server's sockets: a socket never closed or never forgotten costs it once.
                Deadline looks = Deadline.in(PATIENCE);
                List<Left> left = new ArrayList<>();
                // One after the other: each is served by a free handler, until two handlers are lost.
                for (int i = 1; i <= 2; i++) {
                    Connection leaving = new Connection(port);
                    try {
                        leaving.send("hello\n");
                        expectReply(leaving, "hello\n", i == 1 ? "The first client" : "The second client, after the"
                                + " first left in the middle of a line,", i == 1 ? EchoFeedback.NOT_SERVED
                                : EchoFeedback.HANDLER_STUCK, deadline);
                        leaving.send("gone before the end of this li");
                        leaves(sockets, leaving, false, "Client " + i + ", which ended its stream in the middle of"
                                + " a line,", looks).ifPresent(left::add);
                    } finally {
                        leaving.close();
                    }
                }
                for (int i = 3; i <= 4; i++) {
                    Connection breaking = new Connection(port);
                    try {
                        breaking.send("next\n");
                        expectReply(breaking, "next\n", "Client " + i + ", after " + (i - 1) + " clients left in the"
                                + " middle of a line" + (i == 4 ? " (the last one's connection broke)" : "") + ",",
                                i == 3 ? EchoFeedback.HANDLER_STUCK : EchoFeedback.HANDLER_STUCK_AFTER_RESET, deadline);
                        breaking.send("and its connection breaks in the middle of this li");
                        leaves(sockets, breaking, true, "Client " + i + ", whose connection broke in the middle of"
                                + " a line (the server's read() threw \"Connection reset\"),", looks)
                                .ifPresent(left::add);
                    } finally {
                        breaking.reset();
                    }
                }
                try (Connection last = new Connection(port)) {
                    last.send("last\n");
                    expectReply(last, "last\n", "Client 5, after two clients left mid-line and the connections of two"
                            + " more broke mid-line,", EchoFeedback.HANDLER_STUCK_AFTER_RESET, deadline);
                }
                // By now the server has called its set of connections again (client 5 came): a socket still in
                // it is one a handler forgot to take out. (Looked at last, so that the handlers had time to.)
                for (Left client : left) {
                    if (!sockets.awaitForgotten(client.serverEnd(), client.since(), looks)) {
                        fail(EchoFeedback.socketLeftInTheSet(client.who(), looks.seconds()));
                    }
                }
            } finally {
                stopWithin(server);
            }
        }
    }

    /** A client that left: the server's end of its connection, and {@link ServerSockets#calls()} when it was closed. */
    private record Left(Object serverEnd, long since, String who) {
    }

    /**
     * The client leaves (a close, or a reset when {@code breaks}), and the server must close its socket
     * of that connection soon. The client cannot see that once its connection broke; the server's
     * socket object can, when the server keeps it in a collection (its set of connections).
     */
    private static Optional<Left> leaves(ServerSockets sockets, Connection client, boolean breaks, String who,
            Deadline looks) throws IOException {
        Optional<Object> serverEnd = sockets.serverEnd(client.localPort());
        if (breaks) {
            client.reset();
        } else {
            client.close();
        }
        if (serverEnd.isPresent() && !ServerSockets.awaitClosed(serverEnd.get(), looks)) {
            fail(EchoFeedback.socketLeftOpen(who, looks.seconds()));
        }
        return serverEnd.map(socket -> new Left(socket, sockets.calls(), who));
    }

    @Test
    @DisplayName("stop() closes every connection, also of clients waiting in the queue, of one that sends without reading its replies, of one accepted just as stop() begins and of two served while their handlers leave the set it walks, and the listener: the port can be bound again")
    @Graded(id = "stop-closes-everything", points = 2, timeoutSeconds = 60)
    void stopClosesEverything() throws Exception {
        Set<Thread> before = Threads.alive();
        EchoServer server = new EchoServer(2);
        int port = server.start();
        Deadline deadline = Deadline.in(PATIENCE);
        List<Connection> clients = new ArrayList<>();
        Flood flood = null;
        try {
            Connection served = new Connection(port);
            clients.add(served);
            served.send("served\n");
            expectReply(served, "served\n", "The first client", EchoFeedback.NOT_SERVED, deadline);
            // The second client, served too with maxClients = 2, sends without reading its replies: its
            // handler ends up blocked in write() until its socket is closed.
            flood = new Flood(port);
            // Two more: they wait in the server's queue. Their replies are not needed here (how many
            // clients are served at once is other checks' business).
            for (int i = 3; i <= 4; i++) {
                Connection more = new Connection(port);
                clients.add(more);
                more.send("client " + i + "\n");
            }
            // A round trip after the others connected: the server has accepted them by now.
            served.send("served again\n");
            expectReply(served, "served again\n", "The first client", EchoFeedback.NOT_SERVED, deadline);
            // Its handler is in write() for good once the echo of one long line begins. (Longer patience:
            // a server that reads byte by byte, not yet compiled, takes seconds for the line.)
            Deadline echoBegins = Deadline.in(PATIENCE.multipliedBy(4));
            if (!flood.blockHandlerInWrite(echoBegins)) {
                // Without that client the check would prove less than it promises: it says so instead.
                fail(EchoFeedback.nonReadingClientNotReached(flood.lineLength(), echoBegins.seconds()));
            }
            deadline = Deadline.in(PATIENCE);

            Stopping stopping = Stopping.start(server);
            if (!stopping.awaitEnd(deadline)) {
                fail(EchoFeedback.stopHungOnANonReadingClient(deadline.seconds(), stopping.where(),
                        Threads.names(serverThreads(before, stopping.thread()))));
            }
            if (stopping.thrown().isPresent()) {
                fail(EchoFeedback.stopThrew("stop()", stopping.thrown().get()));
            }
            for (int i = 0; i < clients.size(); i++) {
                Connection.End end = clients.get(i).readToEnd(deadline);
                if (end.ending() == Connection.Ending.STILL_OPEN) {
                    fail(EchoFeedback.connectionLeftOpen(i == 0 ? "Client 1 (being served)"
                            : "Client " + (i + 2) + " of 4 (maxClients = 2: waiting in the queue)"));
                }
            }
            if (flood.drainToEnd(deadline) == Connection.Ending.STILL_OPEN) {
                fail(EchoFeedback.connectionLeftOpen("Client 2 of 4 (served, sending without reading its replies)"));
            }
            try {
                bindAgain(port);
            } catch (BindException inUse) {
                // The listener's port is released once the thread in accept() has left it: a stop() that
                // does not wait for that thread fails stop-waits-for-threads, not this check.
                for (Thread thread : serverThreads(before, stopping.thread())) {
                    thread.join(Math.max(1, deadline.remaining().toMillis()));
                }
                try {
                    bindAgain(port);
                } catch (BindException stillInUse) {
                    fail(EchoFeedback.portNotFree(port, stillInUse.toString()));
                }
            }
        } finally {
            for (Connection client : clients) {
                client.close();
            }
            if (flood != null) {
                flood.close();
            }
            stopWithin(server);
        }
        stopClosesAClientAcceptedAsItBegins();
        stopAsHandlersLeave();
    }

    /**
     * Two clients served as stop() begins: each handler wakes when stop() closes its socket, ends and
     * forgets its connection while stop() walks the other. The hooks hold stop() after the first
     * connection it walks until that handler has done so, so that a walk that does not survive it
     * (the iterator of a synchronizedSet used without its lock) shows on every run.
     */
    private static void stopAsHandlersLeave() throws Exception {
        try (SlowSweep sweep = SlowSweep.install()) {
            EchoServer server = new EchoServer(2);
            int port = server.start();
            Deadline deadline = Deadline.in(PATIENCE);
            List<Connection> clients = new ArrayList<>();
            try {
                for (int i = 1; i <= 2; i++) {
                    Connection client = new Connection(port);
                    clients.add(client);
                    String line = "client " + i + "\n";
                    client.send(line);
                    if (!Arrays.equals(bytes(line), replyOrNull(client, deadline))) {
                        // A server that serves fewer than maxClients clients at once fails many-clients-at-once.
                        return;
                    }
                }
                Stopping stopping = sweep.stop(server);
                // Longer patience: stop() may be held after its first connection for up to PATIENCE.
                Deadline stopEnds = Deadline.in(PATIENCE.multipliedBy(2));
                if (!stopping.awaitEnd(stopEnds)) {
                    fail(EchoFeedback.stopDidNotReturn(stopEnds.seconds(), stopping.where(), "(see where it waits)"));
                }
                if (stopping.thrown().isPresent()) {
                    fail(EchoFeedback.stopThrew("stop()", stopping.thrown().get()));
                }
                for (int i = 0; i < clients.size(); i++) {
                    if (clients.get(i).readToEnd(deadline).ending() == Connection.Ending.STILL_OPEN) {
                        fail(EchoFeedback.connectionLeftOpen("Client " + (i + 1) + " of 2 (being served, while the"
                                + " handler of the other ended)"));
                    }
                }
            } finally {
                for (Connection client : clients) {
                    client.close();
                }
                stopWithin(server);
            }
        }
    }

    /** How many scheduling points of the accepting thread the exploration below tries at most. */
    private static final int ACCEPT_PATH_POINTS = 40;

    /**
     * A client that accept() returns just as stop() begins, before the accepting thread has registered
     * it. A stop() that sweeps the registered sockets and shuts the pool before the accepting thread
     * has finished leaves that connection open; so does a "stopping" flag the accepting thread checks
     * before registering, when stop() begins between the check and the registration. So the gate holds
     * the accepting thread at each scheduling point of its path from accept() to handing the client
     * over in turn (first counted on a client served normally), and stop() begins there.
     */
    private static void stopClosesAClientAcceptedAsItBegins() throws Exception {
        int points = Math.min(ACCEPT_PATH_POINTS, Math.max(1, acceptPathPoints()));
        for (int passed = 0; passed < points; passed++) {
            stopAsAClientIsAccepted(passed);
        }
    }

    /** The scheduling points the accepting thread passes from accept() to a new client's first reply. */
    private static int acceptPathPoints() throws Exception {
        try (StopGate gate = StopGate.install()) {
            EchoServer server = new EchoServer(2);
            int port = server.start();
            Deadline deadline = Deadline.in(PATIENCE);
            try {
                Thread accepting = awaitAccepting(gate, port, deadline);
                gate.count(accepting);
                try (Connection late = new Connection(port)) {
                    late.send("late\n");
                    expectReply(late, "late\n", "A client", EchoFeedback.NOT_SERVED, deadline);
                }
                return accepting == null ? 0 : gate.hooksCounted();
            } finally {
                gate.count(null);
                stopWithin(server);
            }
        }
    }

    /** Serves a client twice, so that the accepting thread is back in accept(); that thread, or null. */
    private static Thread awaitAccepting(StopGate gate, int port, Deadline deadline) throws Exception {
        try (Connection first = new Connection(port)) {
            first.send("first\n");
            expectReply(first, "first\n", "The first client", EchoFeedback.NOT_SERVED, deadline);
            // A second round trip: by now the accepting thread is back in accept().
            first.send("again\n");
            expectReply(first, "again\n", "The first client", EchoFeedback.NOT_SERVED, deadline);
        }
        return gate.accepting();
    }

    /** stop() begins while the accepting thread, which accept() just returned a client, is held after {@code passed} points. */
    private static void stopAsAClientIsAccepted(int passed) throws Exception {
        try (StopGate gate = StopGate.install()) {
            EchoServer server = new EchoServer(2);
            int port = server.start();
            Deadline deadline = Deadline.in(PATIENCE);
            Thread accepting = awaitAccepting(gate, port, deadline);
            gate.holdAfter(accepting, passed);
            try (Connection late = new Connection(port)) {
                String heldAt = "";
                if (accepting != null && gate.awaitHeld(accepting, Deadline.in(PATIENCE))) {
                    heldAt = Deadlocks.where(accepting.getStackTrace());
                }
                Stopping stopping = gate.stop(server);
                // Whether stop() waits for its threads is stop-waits-for-threads' business: here every
                // held thread goes on once stop() returned.
                if (!stopEnds(gate, stopping)) {
                    fail(EchoFeedback.stopHungOnClientAcceptedAsItBegan(deadline.seconds(), heldAt, stopping.where(),
                            Threads.names(alive(gate.serverThreads()))));
                }
                gate.open();
                if (stopping.thrown().isPresent()) {
                    fail(EchoFeedback.stopThrew("stop()", stopping.thrown().get()));
                }
                if (late.readToEnd(Deadline.in(PATIENCE)).ending() == Connection.Ending.STILL_OPEN) {
                    fail(EchoFeedback.acceptedAsStopBeganLeftOpen(heldAt));
                }
            } finally {
                gate.open();
                stopWithin(server);
            }
        }
    }

    private static void bindAgain(int port) throws IOException {
        try (ServerSocket again = new ServerSocket(port, 50, InetAddress.getLoopbackAddress())) {
            again.getLocalPort();
        }
    }

    @Test
    @DisplayName("stop() returns only once the accepting thread and every handler have ended, also when a wait with a time-out runs out first")
    @Graded(id = "stop-waits-for-threads", points = 2, timeoutSeconds = 60)
    void stopWaitsForItsThreads() throws Exception {
        try (StopGate gate = StopGate.install()) {
            EchoServer server = new EchoServer(2);
            int port = server.start();
            Deadline deadline = Deadline.in(PATIENCE);
            Connection late;
            try (Connection first = new Connection(port); Connection second = new Connection(port)) {
                first.send("first\n");
                expectReply(first, "first\n", "The first client", EchoFeedback.NOT_SERVED, deadline);
                // Served too with maxClients = 2; its reply is not needed here.
                second.send("second\n");
                Thread accepting = gate.accepting();
                gate.hold();
                // A client that connects now is accepted, and the accepting thread is held with it, as
                // stop() begins: a stop() that does not wait for that thread returns while it still has
                // a connection to hand on. (Not seen in accept(): the check goes on without it.)
                late = new Connection(port);
                if (accepting != null) {
                    gate.awaitHeld(accepting, Deadline.in(PATIENCE));
                }
                // The clients leave as stop() begins: their handlers end whether or not stop() closes their
                // sockets (that is stop-closes-everything's business); here only the waiting counts.
            }
            try (late) {
                stopWaited(gate, gate.stop(server), deadline, false);
            }
        }
        stopWithAClientInTheQueue();
    }

    /**
     * With one handler, a client served and another waiting in the pool's queue as stop() begins: a
     * stop() that waits only for the handlers it saw running (a count that a handler raises when it
     * starts) returns while the queued client's handler still has to run. The gate holds the thread
     * that wakes stop() at its next step in the server's code, so that it shows on every run.
     */
    private static void stopWithAClientInTheQueue() throws Exception {
        try (StopGate gate = StopGate.install()) {
            EchoServer server = new EchoServer(1);
            int port = server.start();
            Deadline deadline = Deadline.in(PATIENCE);
            try (Connection served = new Connection(port)) {
                for (String line : List.of("served\n", "again\n")) {
                    // Two round trips: by the second the accepting thread is back in accept().
                    served.send(line);
                    if (!Arrays.equals(bytes(line), replyOrNull(served, deadline))) {
                        // A server that serves no client with maxClients = 1 (its accepting thread takes
                        // the one place) fails many-clients-at-once and handlers-bounded; nothing to see here.
                        gate.open();
                        stopWithin(server);
                        return;
                    }
                }
                Thread accepting = gate.accepting();
                gate.count(accepting);
                try (Connection queued = new Connection(port)) {
                    awaitHandedOver(gate, accepting, deadline);
                    gate.count(null);
                    gate.hold();
                    // The served client leaves as stop() begins: its handler ends whether or not stop()
                    // closes its socket (stop-closes-everything's business), and is held on its way out.
                    served.close();
                    stopWaited(gate, gate.stop(server), deadline, true);
                }
            }
        }
    }

    /** The next line from the server, or null when none comes before the deadline. */
    private static byte[] replyOrNull(Connection client, Deadline deadline) throws IOException {
        try {
            return client.readLine(deadline);
        } catch (SocketTimeoutException none) {
            return null;
        }
    }

    /**
     * Waits until the accepting thread took the client that just connected and is back in accept(),
     * having handed it on, or waits for something else (a free place, in a design that takes one
     * before it hands a client on): either must come soon.
     */
    private static void awaitHandedOver(StopGate gate, Thread accepting, Deadline deadline) {
        if (accepting == null) {
            return;
        }
        while (!deadline.passed()) {
            Thread.State state = accepting.getState();
            if (!accepting.isAlive() || state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING
                    || state == Thread.State.BLOCKED || gate.hooksCounted() > 0 && gate.accepting() == accepting) {
                return;
            }
            // Nothing tells when a thread returns into accept(), which is native: look again soon.
            LockSupport.parkNanos(1_000_000L);
        }
    }

    /**
     * Whether stop() ends, each wait on a deadline of its own (the release is for a stop() that waits
     * where the gate cannot see, not for one that is merely slow on a busy machine): when it does not
     * end in time, it may wait for something a held thread does out of the gate's sight (a JDK lock it
     * holds, or a pool whose workers need it), so every held thread goes on and stop() gets once more.
     */
    private static boolean stopEnds(StopGate gate, Stopping stopping) throws InterruptedException {
        if (stopping.awaitEnd(Deadline.in(PATIENCE))) {
            return true;
        }
        gate.releaseHeld();
        return stopping.awaitEnd(Deadline.in(PATIENCE));
    }

    /** After gate.stop(server): fails unless stop() returned normally once its threads had ended. */
    private static void stopWaited(StopGate gate, Stopping stopping, Deadline deadline, boolean clientQueued)
            throws InterruptedException {
        // Only a stop() that returns while its threads are held fails below.
        if (!stopEnds(gate, stopping)) {
            fail(EchoFeedback.stopDidNotReturn(deadline.seconds(), stopping.where(),
                    Threads.names(alive(gate.serverThreads()))));
        }
        gate.stopReturned();
        if (stopping.thrown().isPresent()) {
            fail(EchoFeedback.stopThrew("stop()", stopping.thrown().get()));
        }
        gate.awaitSettled(Deadline.in(PATIENCE));
        List<String> running = new ArrayList<>();
        List<String> idle = new ArrayList<>();
        List<Thread> held = gate.held();
        Set<Thread> ending = gate.heldAtExit();
        for (Thread thread : gate.serverThreads()) {
            StackTraceElement[] stack = thread.getStackTrace();
            if (ending.contains(thread)) {
                running.add("\"" + thread.getName() + "\", whose run() had returned but which had not ended yet");
            } else if (hasStudentFrame(stack)) {
                running.add("\"" + thread.getName() + "\" at " + Deadlocks.where(stack));
            } else if (held.contains(thread) || waitsForWork(thread, stack)) {
                idle.add("\"" + thread.getName() + "\" in " + jdkMethod(stack));
            }
        }
        if (!running.isEmpty()) {
            Optional<String> gaveUpAt = gate.expiredAt();
            fail(gaveUpAt.isPresent() ? EchoFeedback.stopGaveUpWaiting(gaveUpAt.get(), running)
                    : clientQueued ? EchoFeedback.returnedBeforeQueuedClientsHandled(running)
                    : EchoFeedback.returnedBeforeThreadsEnded(running));
        }
        if (!idle.isEmpty()) {
            fail(EchoFeedback.poolNotShutDown(idle));
        }
    }

    @Test
    @DisplayName("stop() twice, and close() after stop(), return normally; so do stop() and close() of a server never started; after a stop() interrupted while it waits, a later stop() leaves no connection open and no thread running")
    @Graded(id = "stop-twice", points = 1, timeoutSeconds = 30)
    void stopTwiceIsHarmless() throws Exception {
        Deadline deadline = Deadline.in(PATIENCE);
        EchoServer server = new EchoServer(2);
        try (Connection client = new Connection(server.start())) {
            // Its reply is not needed here (a server that sends none fails echo-one-line).
            client.send("hello\n");
        }
        // The client has left, so its handler ends whether or not stop() closes connections (that is
        // stop-closes-everything's business): here only the calls count.
        stopNormally(server, "stop()", deadline);
        stopNormally(server, "A second stop()", deadline);
        stopNormally(server, "close() after stop()", deadline);
        stopNormally(new EchoServer(1), "stop() of a server never started", deadline);
        stopNormally(new EchoServer(1), "close() of a server never started", deadline);
        stopAfterAnInterruptedStop();
    }

    /**
     * The thread in stop() is interrupted while stop() waits: stop() may throw InterruptedException
     * before the server's threads have ended, but a later stop() must leave nothing open. So that stop()
     * surely waits when it is interrupted, the gate holds every thread of the server where it is, and
     * lets none go for this stop() (not started through the gate) until it has thrown, returned, or
     * waits again after the interrupt.
     */
    private static void stopAfterAnInterruptedStop() throws Exception {
        if (!stopLeavesNothingBehind()) {
            // A stop() that leaves a connection open or a thread running anyway, or a server that echoes
            // nothing, fails stop-closes-everything, stop-waits-for-threads or echo-one-line: not this.
            return;
        }
        try (StopGate gate = StopGate.install()) {
            EchoServer server = new EchoServer(2);
            int port = server.start();
            Deadline deadline = Deadline.in(PATIENCE);
            try (Connection client = new Connection(port)) {
                client.send("hello\n");
                if (replyOrNull(client, deadline) == null) {
                    return;
                }
                gate.hold();
                Stopping interrupted = Stopping.start(server);
                Thread stopper = interrupted.thread();
                // A backstop: a stop() that spins instead of waiting is interrupted (and let go) at the bound.
                Deadline waits = Deadline.in(PATIENCE);
                while (!interrupted.ended() && !gate.waitsOrIsBlocked(stopper) && !waits.passed()) {
                    // The JVM tells no one when a thread begins to wait: look again soon.
                    LockSupport.parkNanos(1_000_000L);
                }
                String waitedAt = interrupted.where();
                stopper.interrupt();
                // Until it has seen the interrupt (its interrupt status cleared) and waits again, or is blocked.
                while (!interrupted.ended() && !waits.passed() && !(gate.waitsOrIsBlocked(stopper)
                        && (!stopper.isInterrupted() || stopper.getState() == Thread.State.BLOCKED))) {
                    LockSupport.parkNanos(1_000_000L);
                }
                gate.open();
                if (!interrupted.awaitEnd(Deadline.in(PATIENCE))) {
                    fail(EchoFeedback.stopDidNotReturn(PATIENCE.toSeconds(), interrupted.where(),
                            Threads.names(alive(gate.serverThreads()))));
                }
                String first = interrupted.thrown().map(thrown -> "threw " + thrown).orElse("returned");
                Stopping again = Stopping.start(server);
                if (!again.awaitEnd(Deadline.in(PATIENCE))) {
                    fail(EchoFeedback.stopDidNotReturn(PATIENCE.toSeconds(), again.where(),
                            Threads.names(alive(gate.serverThreads()))));
                }
                if (again.thrown().isPresent()) {
                    fail(EchoFeedback.stopThrew("A stop() after one whose thread was interrupted",
                            again.thrown().get()));
                }
                Deadline ends = Deadline.in(PATIENCE);
                if (client.readToEnd(ends).ending() == Connection.Ending.STILL_OPEN) {
                    fail(EchoFeedback.leftOpenAfterAnInterruptedStop(waitedAt, first, ends.seconds()));
                }
                Set<Thread> running = awaitEnded(gate.serverThreads(), ends);
                if (!running.isEmpty()) {
                    fail(EchoFeedback.runningAfterAnInterruptedStop(waitedAt, first, Threads.names(running),
                            ends.seconds()));
                }
            } finally {
                gate.open();
                stopWithin(server);
            }
        }
    }

    /** Whether stop(), not interrupted, closes a served client's connection and the server's threads then end. */
    private static boolean stopLeavesNothingBehind() throws Exception {
        // Open: the gate only learns which threads the server starts.
        try (StopGate gate = StopGate.install()) {
            EchoServer server = new EchoServer(2);
            try (Connection client = new Connection(server.start())) {
                Deadline deadline = Deadline.in(PATIENCE);
                client.send("hello\n");
                if (replyOrNull(client, deadline) == null) {
                    return false;
                }
                Stopping.start(server).awaitEnd(deadline);
                return client.readToEnd(deadline).ending() != Connection.Ending.STILL_OPEN
                        && awaitEnded(gate.serverThreads(), deadline).isEmpty();
            } finally {
                stopWithin(server);
            }
        }
    }

    /** Waits until these threads have ended, at most until the deadline; those still alive then. */
    private static Set<Thread> awaitEnded(Set<Thread> threads, Deadline deadline) throws InterruptedException {
        for (Thread thread : threads) {
            thread.join(Math.max(1, deadline.remaining().toMillis()));
        }
        return alive(threads);
    }

    private static void stopNormally(EchoServer server, String call, Deadline deadline) throws InterruptedException {
        Call<Void> stopping = Call.run("test-stopper", call.startsWith("close()") ? server::close : server::stop);
        if (!stopping.awaitEnd(deadline.remaining())) {
            fail(EchoFeedback.stopDidNotReturn(deadline.seconds(), stopping.where(), "(see where it waits)"));
        }
        if (stopping.thrown().isPresent()) {
            fail(EchoFeedback.stopThrew(call, stopping.thrown().get()), stopping.thrown().get());
        }
    }

    // ---- shared by the checks ---------------------------------------------------------------

    static void expectReply(Connection client, String expected, String who, String why, Deadline deadline)
            throws IOException {
        byte[] reply;
        try {
            reply = client.readLine(deadline);
        } catch (SocketTimeoutException none) {
            fail(EchoFeedback.noReply(who, deadline.seconds(), why));
            return;
        }
        byte[] wanted = bytes(expected);
        if (!Arrays.equals(wanted, reply)) {
            fail(EchoFeedback.wrongEcho(who, wanted, reply));
        }
    }

    /** Makes a call of the client's on a thread of its own, so that a call that never returns fails the check. */
    private static <T> T call(String what, Call.Body<T> body, RecordingServer echo, Deadline deadline)
            throws Exception {
        Call<T> call = Call.start("test-client", body);
        if (!call.awaitEnd(deadline.remaining())) {
            String where = call.where();
            echo.close();
            fail(EchoFeedback.clientDidNotReturn(what, deadline.seconds(), echo.lines(), where));
        }
        if (call.thrown().isPresent()) {
            fail(EchoFeedback.clientThrew(what, call.thrown().get()), call.thrown().get());
        }
        return call.result();
    }

    /** EchoClient.echo(line) sends exactly the line's UTF-8 bytes and '\n', and returns exactly the line. */
    private static void clientEchoes(EchoClient client, String line, RecordingServer echo, Deadline deadline)
            throws Exception {
        String what = "EchoClient.echo(" + EchoFeedback.describe(bytes(line)) + ")";
        String reply = call(what, () -> client.echo(line), echo, deadline);
        RecordingServer.Received sent = echo.next(deadline);
        byte[] expected = bytes(line + "\n");
        if (sent == null || sent.ended() || !Arrays.equals(expected, sent.line())) {
            fail(EchoFeedback.clientSent(what, expected, sent == null ? new byte[0] : sent.line()));
        }
        if (!line.equals(reply)) {
            fail(EchoFeedback.clientReturned(what, line, String.valueOf(reply)));
        }
    }

    /** The threads started since {@code before}, other than the test's own helper and the JVM's. */
    static Set<Thread> serverThreads(Set<Thread> before, Thread stopper) {
        return Threads.startedSince(before).stream()
                .filter(thread -> thread != stopper && !thread.getName().startsWith("test-"))
                .filter(thread -> thread.getThreadGroup() != null && !"system".equals(thread.getThreadGroup().getName()))
                .collect(Collectors.toUnmodifiableSet());
    }

    private static Set<Thread> alive(Set<Thread> threads) {
        return threads.stream().filter(Thread::isAlive).collect(Collectors.toUnmodifiableSet());
    }

    private static boolean hasStudentFrame(StackTraceElement[] stack) {
        return kata.support.agent.StudentCode.firstStudentFrame(stack) != null;
    }

    /** The first frame below the gate's own: where a thread that is not in the student's code waits. */
    private static String jdkMethod(StackTraceElement[] stack) {
        for (StackTraceElement frame : stack) {
            String type = frame.getClassName();
            if (!type.startsWith("kata.") && !type.equals("java.lang.Object")
                    && !type.equals("java.util.concurrent.locks.LockSupport")) {
                return type.substring(type.lastIndexOf('.') + 1) + "." + frame.getMethodName();
            }
        }
        return "the JDK";
    }

    /** A pool thread parked for its next task: the pool was not shut down, or stop() did not wait for it. */
    private static boolean waitsForWork(Thread thread, StackTraceElement[] stack) {
        Thread.State state = thread.getState();
        if (state != Thread.State.WAITING && state != Thread.State.TIMED_WAITING) {
            return false;
        }
        for (StackTraceElement frame : stack) {
            String method = frame.getClassName() + "." + frame.getMethodName();
            if (method.equals("java.util.concurrent.ThreadPoolExecutor.getTask")
                    || method.equals("java.util.concurrent.ForkJoinPool.awaitWork")) {
                return true;
            }
        }
        return false;
    }

    /** Cleanup for checks that are not about stop(): bounded, so that a stop() that hangs fails only its own check. */
    static void stopWithin(EchoServer server) throws InterruptedException {
        Stopping.start(server).awaitEnd(Deadline.in(PATIENCE));
    }

    static String longLine(char letter) {
        StringBuilder line = new StringBuilder(LONG_LINE_BYTES);
        for (int i = 0; i < LONG_LINE_BYTES; i++) {
            line.append(i % 64 == 63 ? '.' : letter);
        }
        return line.toString();
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }
}
