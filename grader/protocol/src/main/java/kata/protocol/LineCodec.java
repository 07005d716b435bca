package kata.protocol;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Messages as lines: the nonce, a space, and the message as a JSON object whose "event" field is
 * its type. The grader sends the nonce on the runner's standard input before any student code
 * runs; student code can print anything, but not a line taken for a message.
 */
public final class LineCodec {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String TYPE = "event";

    private final String nonce;
    private final String prefix;

    public LineCodec(String nonce) {
        this.nonce = nonce;
        this.prefix = nonce + " ";
    }

    /** A nonce no one can guess: 16 random bytes in hex. */
    public static String newNonce() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    public String nonce() {
        return nonce;
    }

    /** The message as one line, without its line terminator. */
    public String encode(Message message) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put(TYPE, message.type().wireName());
        fields.putAll(message.fields());
        StringBuilder line = new StringBuilder(prefix);
        Json.write(line, fields);
        return line.toString();
    }

    /**
     * The message a line holds, or empty when the line does not start with the nonce (output of
     * the JVM or of student code).
     *
     * @throws ProtocolException when the line starts with the nonce but holds no message of a known type
     */
    public Optional<Message> decode(String line) throws ProtocolException {
        if (!line.startsWith(prefix)) {
            return Optional.empty();
        }
        if (!(Json.read(line.substring(prefix.length())) instanceof Map<?, ?> object)) {
            throw new ProtocolException("not a JSON object");
        }
        if (!(object.get(TYPE) instanceof String type)) {
            throw new ProtocolException("no \"" + TYPE + "\" field");
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        object.forEach((name, value) -> fields.put((String) name, value));
        fields.remove(TYPE);
        return Optional.of(new Message(EventType.fromWire(type), fields));
    }
}
