package kata.echo;

/** What the echo-server checks tell a student when they fail: what was observed, and why. */
final class EchoFeedback {

    private EchoFeedback() {
    }

    static String badPort(int port) {
        return "start() returned port " + port + ": it must return the port the server listens on"
                + " (ServerSocket.getLocalPort() after binding port 0).";
    }

    static String wrongEcho(String what, int expectedBytes, String expectedStart, int gotBytes, String gotStart) {
        return what + ": expected " + expectedBytes + " bytes back starting \"" + expectedStart + "\", got " + gotBytes
                + " bytes starting \"" + gotStart + "\".\nA line ends at '\\n', not at the end of one read():"
                + " on TCP one read may return part of a line (the seed's recv(1024) is one read, not one"
                + " message) or several lines. Collect bytes until '\\n'.";
    }

    static String noReply(String who, long waitedSeconds, String why) {
        return who + " got no reply within " + waitedSeconds + " s. " + why;
    }

    static final String SERIAL = "A server that serves one client at a time cannot answer a second client while"
            + " the first stays connected: hand every accepted client to its own handler thread (a pool of"
            + " maxClients threads).";

    static final String HANDLER_STUCK = "With maxClients = 1, the only handler must end when its client"
            + " disconnects (read() returns -1, or throws): a handler that outlives its client blocks every"
            + " later client.";

    static String stopDidNotReturn(long seconds, String threads) {
        return "stop() did not return within " + seconds + " s; server threads still alive: " + threads
                + ". stop() must close the listener and every client socket (a blocked accept() or read()"
                + " ends with an exception when its socket is closed), then wait for those threads.";
    }

    static String connectionLeftOpen(int client) {
        return "Client " + client + " was still connected after stop() returned: its socket got neither"
                + " end-of-stream nor an error. stop() must close every client connection, not only the listener.";
    }

    static String portNotFree(int port, String error) {
        return "After stop() returned, port " + port + " could not be bound again (" + error + "): the"
                + " listening socket was not closed.";
    }

    static String threadsLeft(String threads) {
        return "After stop() returned, these threads the server started were still alive: " + threads
                + ". stop() must wait until the accepting thread and every handler have ended"
                + " (join, or shutdown() and awaitTermination() of the pool).";
    }

    static String unbounded(int maxClients) {
        return "The server was built with maxClients = " + maxClients + "; " + maxClients + " clients were connected"
                + " and served, yet one more client got its echo at once. Handler threads must be bounded (a"
                + " fixed pool of maxClients threads): one thread per client without a limit lets a burst of"
                + " clients start thousands of threads.";
    }
}
