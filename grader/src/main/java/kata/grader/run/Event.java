package kata.grader.run;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import kata.support.score.Schedule;

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

    /** The failing schedule a result carries ({@code kata.runner.Protocol} writes it); null when none. */
    Schedule schedule() {
        JsonNode node = body.get("schedule");
        if (node == null || !node.isObject()) {
            return null;
        }
        List<String> threads = new ArrayList<>();
        node.path("threads").forEach(thread -> threads.add(thread.asText()));
        List<Schedule.Step> steps = new ArrayList<>();
        node.path("steps").forEach(step -> steps.add(new Schedule.Step(step.path("thread").asText(),
                step.path("action").asText(), step.path("location").asText(), Math.max(1, step.path("repeats").asInt(1)))));
        return new Schedule(threads, steps, Math.max(0, node.path("omitted_steps").asInt()));
    }
}
