package kata.grader.run;

import java.util.Collection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kata.grader.course.CheckSpec;
import kata.grader.text.StudentText;
import kata.support.score.Schedule;

/**
 * Removes the names of hidden check classes from what student code and the checks printed: a
 * stack frame of a hidden check ({@code at kata.race.CounterHiddenTest.limit(CounterHiddenTest.java:42)})
 * says what the check does and where, before the checks are published. Each such name, with its
 * method and source line, becomes a neutral marker; the student's own frames stay.
 */
final class HiddenNames {

    static final String MARKER = "(hidden check)";
    private static final int SCHEDULE_TEXT_LIMIT = 300;

    private final List<Pattern> patterns;

    private HiddenNames(List<Pattern> patterns) {
        this.patterns = patterns;
    }

    /** The hidden classes of these checks (a check's class, and the classes nested in it). */
    static HiddenNames of(Collection<CheckSpec> checks) {
        List<Pattern> patterns = checks.stream().filter(CheckSpec::hidden).map(CheckSpec::className).distinct()
                .flatMap(name -> {
                    String simple = name.substring(name.lastIndexOf('.') + 1);
                    String file = Pattern.quote(simple.contains("$") ? simple.substring(0, simple.indexOf('$'))
                            : simple);
                    return List.of(
                            // the class, a nested one, a method (lambda$x$1 included), then (File.java:12)
                            Pattern.compile(Pattern.quote(name) + "(\\$[\\w$]+)*(\\.[\\w$<>]+)?(\\(" + file
                                    + "\\.java(:\\d+)?\\))?"),
                            Pattern.compile("\\b" + file + "\\.java(:\\d+)?"),
                            Pattern.compile("\\b" + file + "(\\$[\\w$]+)*\\b")).stream();
                }).toList();
        return new HiddenNames(patterns);
    }

    /** The schedule with hidden checks' names replaced, its texts made safe. */
    Schedule scrub(Schedule schedule) {
        if (schedule == null) {
            return null;
        }
        return new Schedule(schedule.threads().stream().map(this::shown).toList(), schedule.steps().stream()
                .map(step -> new Schedule.Step(shown(step.thread()), shown(step.action()), shown(step.location()),
                        step.repeats())).toList(), schedule.omittedSteps());
    }

    /** A schedule's text (a thread's name is the student's) scrubbed, made safe and cut short. */
    private String shown(String text) {
        return StudentText.clean(scrub(text), SCHEDULE_TEXT_LIMIT);
    }

    String scrub(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String scrubbed = text;
        for (Pattern pattern : patterns) {
            scrubbed = pattern.matcher(scrubbed).replaceAll(Matcher.quoteReplacement(MARKER));
        }
        return scrubbed;
    }
}
