package kata.grader.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import kata.protocol.Message;
import kata.support.score.Schedule;

/** What the reader of the test JVM's output passes on: a message from the runner, or the end of that output. */
record Event(Message message) {

    static final Event END_OF_OUTPUT = new Event(null);

    /** The failing schedule a result carries ({@code kata.runner.Protocol} writes it); null when none. */
    Schedule schedule() {
        Map<String, Object> node = message.object("schedule");
        if (node == null) {
            return null;
        }
        List<String> threads = new ArrayList<>();
        Message.list(node.get("threads")).forEach(thread -> threads.add(Message.text(thread)));
        List<Schedule.Step> steps = new ArrayList<>();
        for (Object item : Message.list(node.get("steps"))) {
            Map<?, ?> step = item instanceof Map<?, ?> map ? map : Map.of();
            steps.add(new Schedule.Step(Message.text(step.get("thread")), Message.text(step.get("action")),
                    Message.text(step.get("location")), (int) Math.max(1, number(step.get("repeats"), 1))));
        }
        return new Schedule(threads, steps, (int) Math.max(0, number(node.get("omitted_steps"), 0)));
    }

    private static long number(Object value, long otherwise) {
        return value instanceof Long number ? number : otherwise;
    }
}
