package kata.protocol;

import java.util.Arrays;

/** How a check ended, as a {@link EventType#RESULT} message's "status" field names it on the wire. */
public enum ResultStatus {
    PASSED("passed"),
    FAILED("failed"),
    /** No verdict on the code's behaviour: the check could not run (not found, another API, an unsound run). */
    ERROR("error"),
    SKIPPED("skipped");

    private final String wireName;

    ResultStatus(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static ResultStatus fromWire(String name) throws ProtocolException {
        return Arrays.stream(values()).filter(status -> status.wireName.equals(name)).findFirst()
                .orElseThrow(() -> new ProtocolException("unknown result status \"" + name + "\""));
    }
}
