package kata.protocol;

/** A line that carries the nonce but is not a message of this protocol. */
public final class ProtocolException extends Exception {

    public ProtocolException(String message) {
        super(message);
    }
}
