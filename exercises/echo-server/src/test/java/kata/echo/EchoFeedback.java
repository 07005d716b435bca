package kata.echo;

import java.nio.charset.StandardCharsets;
import java.util.ConcurrentModificationException;
import java.util.List;

/** What the echo-server checks tell a student when they fail: what was observed, and why. */
final class EchoFeedback {

    private static final int SHOWN_BYTES = 48;

    private EchoFeedback() {
    }

    // ---- lines and bytes ----------------------------------------------------------------------

    static String badPort(int port) {
        return "start() returned port " + port + ": it must return the port the server listens on"
                + " (ServerSocket.getLocalPort() after binding port 0).";
    }

    /** A reply that is not the line sent, for framing checks (long lines, several lines in one piece). */
    static String wrongEcho(String what, byte[] expected, byte[] got) {
        return what + ": expected " + describe(expected) + " back, got " + describe(got) + "."
                + firstDifference(expected, got)
                + "\nA line ends at '\\n', not at the end of one read(): on TCP one read may return part of a line"
                + " (the seed's recv(1024) is one read, not one message) or several lines. Collect bytes until"
                + " '\\n', and keep what follows it for the next line.";
    }

    /** A line that did not come back byte for byte, with the likely cause. */
    static String notByteExact(String what, byte[] expected, byte[] got) {
        return what + " came back as " + describe(got) + ", expected " + describe(expected) + ".\n"
                + byteCause(expected, got);
    }

    private static String byteCause(byte[] expected, byte[] got) {
        if (contains(got, new byte[] {(byte) 0xEF, (byte) 0xBF, (byte) 0xBD})
                && !contains(expected, new byte[] {(byte) 0xEF, (byte) 0xBF, (byte) 0xBD})) {
            return "EF BF BD is U+FFFD, the replacement character: the server decoded the bytes as text, and"
                    + " bytes that are not valid UTF-8 do not survive that. An echo server echoes bytes: collect"
                    + " the line's bytes (a ByteArrayOutputStream) and write them back unchanged.";
        }
        if (count(expected, (byte) '\r') > count(got, (byte) '\r')) {
            return "A '\\r' was lost: BufferedReader.readLine() ends a line at '\\r', '\\n' or \"\\r\\n\" and drops"
                    + " the ending. Here a line is the bytes up to '\\n', and '\\r' is one of them: read bytes up to"
                    + " '\\n' and write them back as they are.";
        }
        return "A line must come back byte for byte, with its '\\n': read bytes (not text) up to '\\n' and write"
                + " exactly those bytes back.";
    }

    static String lineCutByReadTimeOut(int timeOutMillis, byte[] expected, byte[] got) {
        return "A client sent \"half a line, \", sat idle for longer than the " + timeOutMillis + " ms time-out the"
                + " server set on its reads (setSoTimeout), then sent \"and the rest\\n\"; it got " + describe(got)
                + " back, expected " + describe(expected) + ". A line is the bytes up to '\\n', however long the client"
                + " takes to send them: when a read times out (SocketTimeoutException), the bytes of the line read so"
                + " far must be kept for the next read, not dropped with a buffer local to one attempt. Keep the"
                + " unfinished line where it outlives the time-out (one buffer per connection), or read without a"
                + " time-out: stop() closes the socket, and that ends a blocked read.";
    }

    static String notClosedAfterEndOfStream(long seconds) {
        return "The client sent \"a whole line\\n\" and half a line, then ended its stream; it got the whole line back,"
                + " but " + seconds + " s later the server had still not closed the connection. When read() returns -1"
                + " the client will send nothing more: the handler must close the socket (try-with-resources) and end,"
                + " or the client waits for the end of the reply for ever.";
    }

    static String partOfALine(byte[] sent, byte[] got) {
        return "The client sent " + describe(sent) + " and then closed its side of the connection (end of stream)"
                + " in the middle of the second line; it got " + describe(got) + " back. A line comes back once its"
                + " '\\n' has arrived, never before: a line the client never finished is never echoed (not in"
                + " part, not at the end of the stream, and not with a '\\n' the client did not send)."
                + (endsWith(got, (byte) '\n') && !endsWith(sent, (byte) '\n')
                ? " BufferedReader.readLine() returns that unfinished last line as if it were whole."
                : got.length - firstLineEnd(sent) > 1024
                ? " A full buffer is not the end of a line: keep the bytes (a ByteArrayOutputStream grows) until the"
                + " '\\n' arrives." : "");
    }

    // ---- the client -------------------------------------------------------------------------

    static String clientSent(String call, byte[] expected, byte[] got) {
        return call + " sent " + describe(got) + ", expected " + describe(expected) + ": the line's bytes in UTF-8"
                + " and one '\\n', nothing else."
                + (count(got, (byte) '\r') > count(expected, (byte) '\r')
                ? " println() writes the platform's line separator (\"\\r\\n\" on Windows): write '\\n' yourself." : "");
    }

    static String clientReturned(String call, String expected, String got) {
        byte[] wanted = expected.getBytes(StandardCharsets.UTF_8);
        byte[] returned = got.getBytes(StandardCharsets.UTF_8);
        String cause;
        if (got.indexOf('\uFFFD') >= 0 && expected.indexOf('\uFFFD') < 0) {
            cause = "U+FFFD (the replacement character) in the result: the reply's bytes were decoded in pieces (a"
                    + " character cut between two reads) or with another charset. Collect the whole line's bytes,"
                    + " then decode them once, as UTF-8.";
        } else if (got.length() < expected.length() && expected.startsWith(got) && expected.charAt(got.length()) != '\r') {
            cause = "Only the first " + got.length() + " of " + expected.length() + " characters came back: one read()"
                    + " returns whatever has arrived, here part of the reply. Read until the reply's '\\n' arrives.";
        } else if (expected.indexOf('\r') >= 0 && got.indexOf('\r') < 0) {
            cause = "A '\\r' was lost: BufferedReader.readLine() ends a line at '\\r' too. The reply is the bytes up"
                    + " to '\\n': read up to '\\n' and drop only that '\\n'.";
        } else {
            cause = "echo(line) returns the reply's bytes up to '\\n', without the '\\n', decoded as UTF-8."
                    + " One read() may return part of the reply: read until '\\n' arrives.";
        }
        return call + " returned " + describe(returned) + ", expected " + describe(wanted) + ". " + cause;
    }

    static String clientDidNotReturn(String call, long seconds, List<byte[]> received, String where) {
        return call + " did not return within " + seconds + " s (it waits at " + where + "). The server received "
                + (received.isEmpty() ? "nothing" : describeAll(received)) + " and sent each line back at once."
                + " echo(line) must write the line and '\\n', flush, and return as soon as the reply's '\\n' has"
                + " arrived (the connection stays open for the next line).";
    }

    static String clientThrew(String call, Throwable thrown) {
        return call + " threw " + thrown + ".";
    }

    /** What the checks' server sent before it ended the connection, for the messages below. */
    private static String cutReply(int replyBytes) {
        return replyBytes == 0 ? "the connection ended without a byte of the reply"
                : "the connection ended after the first " + replyBytes + " bytes of the reply, before its '\\n'";
    }

    static String returnedWithoutAReplyLine(String call, int replyBytes, String got) {
        return call + " returned " + (got == null ? "null" : describe(got.getBytes(StandardCharsets.UTF_8))) + ", but "
                + cutReply(replyBytes) + ": there was no reply line to return. A line is the bytes up to '\\n'; when"
                + " read() returns -1 before the '\\n' has come (the server stopped, the connection broke), echo()"
                + " must throw an IOException (an EOFException, for instance), not pass what came so far, or \"\","
                + " off as the server's answer.";
    }

    static String wrongErrorWithoutAReplyLine(String call, int replyBytes, Throwable thrown) {
        return call + " threw " + thrown + " when " + cutReply(replyBytes) + ". A connection that ends before the"
                + " reply's '\\n' is an I/O failure: echo() must throw an IOException (an EOFException, for instance),"
                + " which its callers expect from a network call.";
    }

    static String clientDidNotReturnAtEnd(String call, int replyBytes, long seconds, String where) {
        return call + " did not return within " + seconds + " s (it waits at " + where + "), though "
                + cutReply(replyBytes) + ". read() returns -1 once the connection has ended, and keeps returning it:"
                + " echo() must then throw an IOException, not read on.";
    }

    static String clientDidNotClose(long seconds) {
        return "After EchoClient.close() the server saw no end of its connection within " + seconds + " s:"
                + " close() must close the socket.";
    }

    // ---- serving ----------------------------------------------------------------------------

    static String noReply(String who, long waitedSeconds, String why) {
        return who + " got no reply within " + waitedSeconds + " s. " + why;
    }

    static final String SERIAL = "A server that serves one client at a time cannot answer a second client while"
            + " the first stays connected: hand every accepted client to its own handler thread (a pool of"
            + " maxClients threads).";

    static final String NOT_SERVED = "A server built with maxClients = N must serve N clients at the same time: if"
            + " the accepting thread runs on one of the N pool threads, only N - 1 are left for clients.";

    static final String HANDLER_STUCK = "With maxClients = 1, the only handler must end when its client"
            + " disconnects, also in the middle of a line (read() returns -1): a handler that outlives its client"
            + " keeps the only pool thread, and every later client waits for ever.";

    static final String HANDLER_STUCK_AFTER_RESET = "With maxClients = 1, the only handler must end when its"
            + " client's connection breaks (read() throws, here \"Connection reset\"), and give its slot back then"
            + " too: release it in a finally block, not only after a normal end.";

    static String socketLeftOpen(String client, long seconds) {
        return client + " had left, but " + seconds + " s later the server's socket of that connection (the one in"
                + " its set of connections) was still not closed. A handler must close its socket however its"
                + " client leaves: at the end of the stream, and also when read() or write() throws (the connection"
                + " broke). Close it in a finally block or with try-with-resources, not only after the normal end:"
                + " otherwise every such connection costs the server a file descriptor for as long as it runs.";
    }

    static String socketLeftInTheSet(String client, long seconds) {
        return client + " had left and the server had closed its socket of that connection, but " + seconds + " s"
                + " later that socket was still in the server's set of connections (a collection its code went on"
                + " using, for the clients that came next). A handler that ends must take its socket out of the set"
                + " however its client leaves: at the end of the stream, and also when read() or write() throws (the"
                + " connection broke). Remove it in a finally block, next to the close(), not only after the normal"
                + " end: otherwise the set keeps one dead socket per broken connection for as long as the server"
                + " runs.";
    }

    static String unbounded(int maxClients, int served) {
        return "The server was built with maxClients = " + maxClients + "; " + served + " clients were connected and"
                + " served, yet one more client got its echo. Handler threads must be bounded (a fixed pool of"
                + " maxClients threads): one thread per client without a limit lets a burst of clients start"
                + " thousands of threads.";
    }

    static String turnedAway(int client, int waiting, int served, byte[] got) {
        return "With maxClients = 1, one client served and " + waiting + " more connected (each sent its line), waiting"
                + " client " + client + " had its connection closed by the server without its echo"
                + (got.length > 0 ? " (it got only " + describe(got) + ")" : "") + ", after " + served + " of them had"
                + " been served in turn. Clients beyond the limit wait in the pool's queue until a handler is free,"
                + " however many they are: bound the number of handler threads, not the queue. A pool with a bounded"
                + " queue rejects a task once the queue is full (RejectedExecutionException), and closing that"
                + " client's socket turns it away; Executors.newFixedThreadPool(maxClients) has an unbounded queue.";
    }

    static String notLoopbackOnly(int port, String address) {
        return "A client connected to port " + port + " at " + address + ", which is not 127.0.0.1: the server"
                + " listens on every interface (the wildcard address), so other machines can reach it too. Bind"
                + " the listener to InetAddress.getLoopbackAddress(): new ServerSocket(0, backlog,"
                + " InetAddress.getLoopbackAddress()), or bind(new InetSocketAddress(InetAddress.getLoopbackAddress(),"
                + " 0)). A null address (or bind(null)) means every interface.";
    }

    // ---- stopping ---------------------------------------------------------------------------

    static String stopDidNotReturn(long seconds, String where, String threads) {
        return "stop() did not return within " + seconds + " s; it waits at " + where + ". Threads of the server"
                + " still alive: " + threads + ". stop() must close the listener and every client socket (a"
                + " blocked accept() or read() ends with an exception when its socket is closed), then wait for"
                + " those threads.";
    }

    static String stopHungOnANonReadingClient(long seconds, String where, String threads) {
        return "stop() did not return within " + seconds + " s; it waits at " + where + ". Threads of the server"
                + " still alive: " + threads + ". One client sends lines without reading the replies, so its"
                + " handler is blocked in write() and stays there until its socket is closed. stop() must close"
                + " every client socket first, without waiting for a handler (or for a lock a handler holds while"
                + " it writes), and shutdownInput() is not enough: only close() ends a blocked write().";
    }

    static String nonReadingClientNotReached(long lineBytes, long seconds) {
        return "This check could not get as far as stopping the server: it needs a handler blocked in write()"
                + " as stop() begins. With maxClients = 2, the second client sent a line of " + lineBytes
                + " bytes and did not read its echo, but no byte of that echo came back within " + seconds + " s: the"
                + " server serves fewer than maxClients clients at once, or does not echo a line longer than its"
                + " buffers until the whole line has arrived (read it in pieces and write each whole line as its"
                + " '\\n' arrives).";
    }

    static String stopThrew(String call, Throwable thrown) {
        if (thrown instanceof ConcurrentModificationException) {
            return call + " threw " + thrown + " while it walked the client sockets: the handler of a socket it had"
                    + " closed woke up, ended and removed its socket from the set before stop() took the next one (the"
                    + " check lets that handler run first, as a busy machine may), and the iterator stop() used does"
                    + " not allow that. The remaining connections stay open and the pool is never shut down. The"
                    + " iterator of a Collections.synchronizedSet (like a HashSet's) is not thread-safe: keep the"
                    + " sockets in a concurrent set (ConcurrentHashMap.newKeySet()), whose iterator allows removals"
                    + " meanwhile, or hold the set's lock while you walk it (synchronized (set) { ... }).";
        }
        return call + " threw " + thrown + ". stop() must close what is still open and return normally; calling it"
                + " again (close() after stop(), try-with-resources) or on a server that never started is no"
                + " error: there is simply nothing left to close.";
    }

    private static String afterAnInterruptedStop(String waitedAt, String first) {
        return "The thread in stop() was interrupted while stop() waited (at " + waitedAt + ", while the check held the"
                + " server's threads), and that stop() " + first + "; then stop() was called again and returned.";
    }

    private static final String INTERRUPTED_STOP_ADVICE = " An interrupted stop() may give up waiting, but must not"
            + " leave the server half-stopped: a \"stopped\" flag set at the start of stop() makes every later stop()"
            + " return at once, with the connections still open. Make each step safe to do twice (close the listener,"
            + " join the accepting thread, close every socket, shutdown() and awaitTermination()) and let every call"
            + " of stop() do them, or close everything in a finally block around the waits.";

    static String leftOpenAfterAnInterruptedStop(String waitedAt, String first, long seconds) {
        return afterAnInterruptedStop(waitedAt, first) + " Yet " + seconds + " s later a client that was being served"
                + " was still connected: its socket got neither end-of-stream nor an error." + INTERRUPTED_STOP_ADVICE;
    }

    static String runningAfterAnInterruptedStop(String waitedAt, String first, String threads, long seconds) {
        return afterAnInterruptedStop(waitedAt, first) + " Yet " + seconds + " s later these threads of the server"
                + " were still alive: " + threads + "." + INTERRUPTED_STOP_ADVICE;
    }

    static String connectionLeftOpen(String client) {
        return client + " was still connected after stop() returned: its socket got neither end-of-stream nor an"
                + " error. stop() must close every client connection, also of clients still waiting in the pool's"
                + " queue (register a socket in the set before you hand it to the pool), not only the listener.";
    }

    static String stopHungOnClientAcceptedAsItBegan(long seconds, String heldAt, String where, String threads) {
        return "A client connected just as stop() began (accept() had returned it, and the accepting thread was"
                + acceptingThreadAt(heldAt) + "), and stop() did not return within " + seconds + " s; it waits at "
                + where + ". Threads of the server still alive: " + threads + ". The accepting thread registered"
                + " that client after stop() had closed the registered sockets, so nobody closes it and its handler"
                + " reads on. " + ACCEPT_RACE_ADVICE;
    }

    static String acceptedAsStopBeganLeftOpen(String heldAt) {
        return "A client that connected just as stop() began (accept() had returned it, and the accepting thread"
                + " was" + acceptingThreadAt(heldAt) + ") was still connected after stop() returned and the server's"
                + " threads went on: its socket got neither end-of-stream nor an error. Between accept() and"
                + " registering, stop() can sweep the sockets and shut the pool. " + ACCEPT_RACE_ADVICE;
    }

    private static final String ACCEPT_RACE_ADVICE = "Close the listener, wait for the accepting thread to end, and"
            + " only then close the registered sockets (or have the accepting thread close a socket it accepts once"
            + " stopping has begun: a \"stopping\" flag it reads before registering is not enough on its own, since"
            + " stop() can begin right after that read; the read and the registration must be one step with respect"
            + " to stop(), under one lock).";

    private static String acceptingThreadAt(String heldAt) {
        return heldAt.isEmpty() ? " between accept() and registering it" : " at " + heldAt;
    }

    static String portNotFree(int port, String error) {
        return "After stop() returned (and the server's threads ended), port " + port + " could not be bound again ("
                + error + "): the listening socket was not closed.";
    }

    static String returnedBeforeThreadsEnded(List<String> threads) {
        return "stop() returned while these threads of the server were still running its code: "
                + String.join("; ", threads) + ". (The check held each of them where it was until stop() waited"
                + " for it: a stop() that waits returns only after they ended.) stop() must return once the"
                + " accepting thread and every handler have ended: join() the threads you started, or"
                + " shutdown() the pool and then awaitTermination().";
    }

    static String stopGaveUpWaiting(String at, List<String> threads) {
        return "stop() waited with a time-out at " + at + ", the time-out ran out while the check held the server's"
                + " threads (as a busy or slow machine may delay them), and stop() returned while these threads"
                + " were still running its code: " + String.join("; ", threads) + ". stop() must return once the"
                + " accepting thread and every handler have ended, however long that takes: wait again after a"
                + " time-out (while (!pool.awaitTermination(...)) { }), or wait without one (join()); shutdownNow()"
                + " only interrupts the threads, it does not wait for them.";
    }

    static String returnedBeforeQueuedClientsHandled(List<String> threads) {
        return "With maxClients = 1, one client served and another waiting in the queue, stop() returned while"
                + " these threads of the server were still running its code: " + String.join("; ", threads)
                + ". A client handed to the pool but not yet taken up is a handler that has not ended either: a"
                + " count of running handlers raised when a handler starts does not see it, so stop() finds the"
                + " count at 0 and returns before it runs. Count a handler when you hand it to the pool, or"
                + " shutdown() the pool and then awaitTermination().";
    }

    static String poolNotShutDown(List<String> threads) {
        return "After stop() returned, these pool threads still wait for work: " + String.join("; ", threads)
                + ". stop() must shut the pool down (shutdown()) and wait for it (awaitTermination()).";
    }

    // ---- showing bytes ----------------------------------------------------------------------

    static String describe(byte[] bytes) {
        StringBuilder text = new StringBuilder("\"");
        int shown = Math.min(bytes.length, SHOWN_BYTES);
        for (int i = 0; i < shown; i++) {
            int b = bytes[i] & 0xFF;
            switch (b) {
                case '\n' -> text.append("\\n");
                case '\r' -> text.append("\\r");
                case '\\' -> text.append("\\\\");
                case '"' -> text.append("\\\"");
                default -> {
                    if (b >= 0x20 && b < 0x7F) {
                        text.append((char) b);
                    } else {
                        text.append(String.format("\\x%02X", b));
                    }
                }
            }
        }
        text.append(bytes.length > shown ? "...\"" : "\"");
        return text + " (" + bytes.length + (bytes.length == 1 ? " byte)" : " bytes)");
    }

    private static String describeAll(List<byte[]> lines) {
        return lines.stream().map(EchoFeedback::describe).reduce((a, b) -> a + ", " + b).orElse("");
    }

    private static String firstDifference(byte[] expected, byte[] got) {
        int common = Math.min(expected.length, got.length);
        for (int i = 0; i < common; i++) {
            if (expected[i] != got[i]) {
                return " They differ from byte " + i + " on.";
            }
        }
        return expected.length == got.length ? "" : " The first " + common + " bytes match.";
    }

    private static int firstLineEnd(byte[] bytes) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                return i + 1;
            }
        }
        return bytes.length;
    }

    private static int count(byte[] bytes, byte wanted) {
        int n = 0;
        for (byte b : bytes) {
            if (b == wanted) {
                n++;
            }
        }
        return n;
    }

    private static boolean endsWith(byte[] bytes, byte last) {
        return bytes.length > 0 && bytes[bytes.length - 1] == last;
    }

    private static boolean contains(byte[] bytes, byte[] part) {
        outer:
        for (int i = 0; i + part.length <= bytes.length; i++) {
            for (int j = 0; j < part.length; j++) {
                if (bytes[i + j] != part[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
