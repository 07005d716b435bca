package kata.grader.run;

import com.fasterxml.jackson.databind.JsonNode;

/** One protocol message from the test JVM's runner. */
record Event(String type, JsonNode body) {

    static final Event END_OF_OUTPUT = new Event("eof", null);

    String text(String field) {
        JsonNode node = body.get(field);
        return node == null || node.isNull() ? "" : node.asText();
    }

    long number(String field) {
        JsonNode node = body.get(field);
        return node == null ? 0 : node.asLong();
    }

    boolean flag(String field) {
        JsonNode node = body.get(field);
        return node != null && node.asBoolean();
    }
}
