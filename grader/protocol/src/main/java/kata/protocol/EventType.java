package kata.protocol;

import java.util.Arrays;

/** The messages the runner sends, by the name each has on the wire. */
public enum EventType {
    /** The test JVM is up: its Java version, vendor and CPU count. */
    HELLO("hello"),
    /** A check is about to be launched. */
    START("start"),
    /** JUnit has found the check and starts it: from here its time limit counts. */
    RUNNING("running"),
    /** A check's verdict, duration, output and failing schedule. */
    RESULT("result"),
    /** The JVM is shutting down (a shutdown hook ran), during the check named if any. */
    EXITING("exiting"),
    /** Every check of the plan ran. */
    DONE("done");

    private final String wireName;

    EventType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static EventType fromWire(String name) throws ProtocolException {
        return Arrays.stream(values()).filter(type -> type.wireName.equals(name)).findFirst()
                .orElseThrow(() -> new ProtocolException("unknown event type \"" + name + "\""));
    }
}
