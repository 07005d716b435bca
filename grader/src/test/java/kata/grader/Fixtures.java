package kata.grader;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import kata.grader.course.Course;
import kata.grader.course.TestRuntime;
import kata.support.score.CheckResult;
import kata.support.score.ExerciseResult;
import kata.support.score.Scorecard;

/** The grader's test course and submissions, graded once per test JVM. */
public final class Fixtures {

    private static final Map<String, Scorecard> GRADED = new ConcurrentHashMap<>();
    private static volatile Course course;

    private Fixtures() {
    }

    public static Path resource(String name) {
        try {
            return Path.of(Fixtures.class.getResource("/" + name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("missing test resource " + name, e);
        }
    }

    public static synchronized Course course() {
        if (course == null) {
            course = Course.load(resource("fixture-course"), TestRuntime.shipped());
        }
        return course;
    }

    public static Path submission(String name) {
        return resource("fixture-submissions").resolve(name);
    }

    /** Grades the named fixture submissions in parallel, once each per JVM. */
    public static synchronized void gradeAll(List<String> names) {
        Grader grader = Grader.of(course());
        ExecutorService pool = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
        try {
            Map<String, Future<Scorecard>> pending = new java.util.HashMap<>();
            for (String name : names) {
                if (!GRADED.containsKey(name)) {
                    pending.put(name, pool.submit(() -> grader.grade(submission(name))));
                }
            }
            for (Map.Entry<String, Future<Scorecard>> entry : pending.entrySet()) {
                GRADED.put(entry.getKey(), entry.getValue().get());
            }
        } catch (Exception e) {
            throw new IllegalStateException("grading the fixtures failed", e);
        } finally {
            pool.shutdownNow();
        }
    }

    public static Scorecard graded(String name) {
        if (!GRADED.containsKey(name)) {
            gradeAll(List.of(name));
        }
        return GRADED.get(name);
    }

    public static ExerciseResult probe(String submission) {
        return graded(submission).exercises().get(0);
    }

    public static CheckResult check(String submission, String id) {
        return probe(submission).checks().stream().filter(c -> c.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no check " + id));
    }
}
