package kata.grader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import kata.grader.compile.StudentCompiler;
import kata.grader.course.Course;
import kata.grader.course.CourseException;
import kata.grader.course.Exercise;
import kata.grader.course.TestBundle;
import kata.grader.files.FileTree;
import kata.grader.intake.ExerciseSources;
import kata.grader.intake.Submissions;
import kata.grader.rules.RuleChecker;
import kata.grader.run.JvmOptions;
import kata.grader.run.OsSandbox;
import kata.grader.run.TestJvm;
import kata.grader.sandbox.SafetyRules;
import kata.grader.sandbox.Violation;
import kata.support.score.CheckOutcome;
import kata.support.score.ExerciseResult;
import kata.support.score.Scorecard;
import kata.support.score.Scoring;
import kata.support.score.Student;

/**
 * Grades submissions: compiles the student's main sources, evaluates the rules on the bytecode,
 * runs the tests in a separate JVM per exercise, and scores. Immutable and thread-safe: one
 * grader can grade many submissions at once.
 *
 * <pre>{@code
 * Scorecard card = Grader.of(Course.shipped()).withJvm(JvmOptions.defaults().onOneCpu(true))
 *         .grade(Path.of("submissions/alice"));
 * }</pre>
 */
public final class Grader {

    private final Course course;
    private final JvmOptions jvm;
    private final Clock clock;
    private final int parallelism;
    private final Listener listener;

    /** Told when each exercise of a submission starts and ends, from the thread that grades it. */
    public interface Listener {
        Listener NONE = new Listener() {
        };

        default void exerciseStarted(String submissionId, String slug) {
        }

        default void exerciseFinished(String submissionId, ExerciseResult result, Duration took) {
        }
    }

    private Grader(Course course, JvmOptions jvm, Clock clock, int parallelism, Listener listener) {
        this.course = course;
        this.jvm = jvm;
        this.clock = clock;
        this.parallelism = parallelism;
        this.listener = listener;
    }

    public static Grader of(Course course) {
        return new Grader(course, JvmOptions.defaults(), Clock.systemUTC(), 1, Listener.NONE);
    }

    public Grader withJvm(JvmOptions options) {
        return new Grader(course, options, clock, parallelism, listener);
    }

    public Grader withClock(Clock time) {
        return new Grader(course, jvm, time, parallelism, listener);
    }

    /** A grader that tells this listener about every exercise it grades (batch's progress). */
    public Grader withListener(Listener progress) {
        return new Grader(course, jvm, clock, parallelism, progress);
    }

    /**
     * Grades up to this many exercises of a submission at once. Verdicts do not depend on timing,
     * so this only changes how long grading takes.
     */
    public Grader withParallelism(int exercisesAtOnce) {
        if (exercisesAtOnce < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1");
        }
        return new Grader(course, jvm, clock, exercisesAtOnce, listener);
    }

    public Course course() {
        return course;
    }

    public JvmOptions jvm() {
        return jvm;
    }

    /** Grades every exercise of the course; the submission's folder name is its id. */
    public Scorecard grade(Path submission) {
        return grade(submission, Submissions.idOf(submission), null, List.of());
    }

    /**
     * Grades the named exercises (all when the list is empty).
     *
     * @throws IllegalArgumentException when the submission cannot be read or an exercise is unknown
     */
    public Scorecard grade(Path submission, String submissionId, Student student, List<String> slugs) {
        Submissions.requireReadable(submission);
        List<Exercise> exercises = select(slugs);
        Path work = temporaryDirectory();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallelism, Math.max(1, exercises.size())));
        try {
            List<Future<Graded>> pending = new ArrayList<>();
            for (Exercise exercise : exercises) {
                pending.add(pool.submit(() -> gradeExercise(exercise, submission, submissionId,
                        work.resolve(exercise.slug()))));
            }
            List<ExerciseResult> results = new ArrayList<>();
            Scorecard.Environment environment = null;
            for (Future<Graded> future : pending) {
                Graded graded = await(future);
                results.add(graded.result());
                if (environment == null) {
                    environment = graded.environment();
                }
            }
            double score = results.stream().mapToDouble(ExerciseResult::score).sum();
            double max = results.stream().mapToDouble(ExerciseResult::maxScore).sum();
            return new Scorecard(Scorecard.SCHEMA_VERSION,
                    new Scorecard.GraderInfo(GraderVersion.NAME, GraderVersion.version()), submissionId, student,
                    Instant.now(clock).truncatedTo(ChronoUnit.MILLIS),
                    environment != null ? environment : ownEnvironment(), score, max, results);
        } finally {
            pool.shutdownNow();
            FileTree.deleteRecursively(work);
        }
    }

    /**
     * The scorecard of a submission that could not be read at all (say, a corrupt archive): every
     * exercise is an error with this message, so the student's row says why there is no score.
     */
    public Scorecard unreadable(String submissionId, Student student, String message) {
        List<ExerciseResult> results = course.exercises().stream()
                .map(exercise -> error(course.bundle(exercise), message, 0)).toList();
        double max = results.stream().mapToDouble(ExerciseResult::maxScore).sum();
        return new Scorecard(Scorecard.SCHEMA_VERSION,
                new Scorecard.GraderInfo(GraderVersion.NAME, GraderVersion.version()), submissionId, student,
                Instant.now(clock).truncatedTo(ChronoUnit.MILLIS), ownEnvironment(), 0, max, results);
    }

    private static Graded await(Future<Graded> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("grading was interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private record Graded(ExerciseResult result, Scorecard.Environment environment) {
    }

    private Graded gradeExercise(Exercise exercise, Path submission, String submissionId, Path work) {
        long start = System.nanoTime();
        listener.exerciseStarted(submissionId, exercise.slug());
        TestBundle bundle = course.bundle(exercise);
        Graded graded;
        try {
            graded = gradeExercise(bundle, submission, work, start);
        } catch (CourseException e) {
            throw e;
        } catch (RuntimeException e) {
            graded = new Graded(error(bundle, "The grader could not grade this exercise (" + e
                    + "). This is a grader problem, not necessarily yours; tell your instructor.",
                    millisSince(start)), null);
        }
        listener.exerciseFinished(submissionId, graded.result(), Duration.ofNanos(System.nanoTime() - start));
        return graded;
    }

    private Graded gradeExercise(TestBundle bundle, Path submission, Path work, long start) {
        Exercise exercise = bundle.exercise();
        Optional<ExerciseSources> sources = Submissions.find(submission, exercise.slug());
        List<String> links = Submissions.links(submission, exercise.slug());
        if (!links.isEmpty()) {
            return new Graded(error(bundle, "Not graded: " + String.join(", ", links) + (links.size() == 1 ? " is"
                    : " are") + " a symbolic link in " + exercise.slug() + "/src/main/java, and links are never"
                    + " followed (they could lead to another student's files). Put the files themselves in your"
                    + " submission.", millisSince(start)), null);
        }
        if (sources.isEmpty()) {
            return new Graded(Scoring.notSubmitted(exercise.slug(), exercise.title(), bundle.checks(),
                    Submissions.whyAbsent(submission, exercise.slug())), null);
        }
        ExerciseSources toCompile = Submissions.withProvidedFiles(sources.get(), exercise.stubSources(),
                exercise.providedFiles());
        StudentCompiler.Outcome compiled = StudentCompiler.compile(toCompile, work.resolve("classes"));
        if (!compiled.success()) {
            return new Graded(error(bundle, compiled.message(), millisSince(start)), null);
        }
        List<Violation> violations = SafetyRules.check(bundle, compiled.classes(), sources.get().sourceRoot());
        if (!violations.isEmpty()) {
            return new Graded(error(bundle, SafetyRules.message(violations), millisSince(start)), null);
        }
        Map<String, CheckOutcome> outcomes = new LinkedHashMap<>(
                RuleChecker.evaluate(bundle, bundle.rules(), compiled.classes()));
        TestJvm.Result run = TestJvm.run(bundle, bundle.tests(), compiled.classes(), course.runtime(), jvm,
                work.resolve("jvm"));
        outcomes.putAll(run.outcomes());
        Scorecard.Environment environment = run.javaVersion().isEmpty() ? null
                : new Scorecard.Environment(run.javaVersion(), run.javaVendor(), System.getProperty("os.name"),
                run.cpus(), run.isolation().label());
        return new Graded(Scoring.scored(exercise.slug(), exercise.title(), bundle.checks(), outcomes,
                millisSince(start)), environment);
    }

    private static ExerciseResult error(TestBundle bundle, String message, long durationMillis) {
        return Scoring.error(bundle.exercise().slug(), bundle.exercise().title(), bundle.checks(), message,
                durationMillis);
    }

    private List<Exercise> select(List<String> slugs) {
        if (slugs.isEmpty()) {
            return course.exercises();
        }
        List<Exercise> selected = new ArrayList<>();
        for (String slug : slugs) {
            selected.add(course.find(slug).orElseThrow(() -> new IllegalArgumentException("unknown exercise '"
                    + slug + "'; this course has: " + String.join(", ",
                    course.exercises().stream().map(Exercise::slug).toList()))));
        }
        return selected;
    }

    /**
     * The environment of a submission whose code never ran (nothing submitted, nothing compiled):
     * this grader's JVM, and the confinement its test JVMs get.
     */
    private Scorecard.Environment ownEnvironment() {
        OsSandbox.Level isolation;
        try {
            isolation = OsSandbox.level(jvm.sandbox(), jvm.java());
        } catch (IllegalStateException requiredButUnavailable) {
            isolation = OsSandbox.Level.NONE;
        }
        return new Scorecard.Environment(System.getProperty("java.version"), System.getProperty("java.vendor"),
                System.getProperty("os.name"), Runtime.getRuntime().availableProcessors(), isolation.label());
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("kata-submission-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
