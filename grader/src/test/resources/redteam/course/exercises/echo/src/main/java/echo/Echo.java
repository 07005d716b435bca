package echo;

/** Sockets are allowed here, on the loopback address only. */
public class Echo {

    /** Sends the text to an echo server of its own and returns what came back. */
    public String roundTrip(String text) throws Exception {
        throw new UnsupportedOperationException("Echo.roundTrip(text) is not written yet.");
    }
}
