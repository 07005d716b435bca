package kata.grader.selfcheck;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import kata.grader.Grader;
import kata.grader.course.Course;
import kata.grader.course.Exercise;
import kata.grader.course.TestBundle;
import kata.grader.files.FileTree;
import kata.grader.run.JvmOptions;
import kata.support.score.CheckResult;
import kata.support.score.CheckStatus;
import kata.support.score.ExerciseResult;
import kata.support.score.Scorecard;
import kata.support.score.Scoring;

/**
 * Proves the grader's verdicts: for every exercise, the reference solution and every correct
 * solution in {@code solutions/<slug>/correct/<name>} (one per technique a student may choose) get
 * full marks, the stub gets 0, and every known-wrong solution in {@code solutions/<slug>/wrong/<name>}
 * fails exactly the checks its {@code expected.json} names, on every run configuration.
 */
public final class SelfCheck {

    /**
     * A wrong solution's expected.json: why it is wrong, the checks it must fail, the checks that
     * may fail too ({@code "may_fail"}: they catch this bug only when a race goes its way, and say
     * why in {@code "why"}), and where it came from ({@code "blind"}: written from the README and
     * the stub alone, by someone who never read the checks).
     */
    private record ExpectedFile(String why, List<String> fails, @JsonProperty("may_fail") List<String> mayFail,
                                String origin) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private SelfCheck() {
    }

    /** The reference, the stub and every wrong solution of each exercise (all when slugs is empty). */
    public static List<Candidate> candidates(Course course, Path solutions, List<String> slugs) {
        List<Candidate> candidates = new ArrayList<>();
        for (Exercise exercise : course.exercises()) {
            if (!slugs.isEmpty() && !slugs.contains(exercise.slug())) {
                continue;
            }
            Path dir = solutions.resolve(exercise.slug());
            candidates.add(new Candidate(exercise.slug(), "reference", dir.resolve("src/main/java"),
                    Candidate.Expected.allPass()));
            for (Path correct : subfolders(dir.resolve("correct"))) {
                candidates.add(new Candidate(exercise.slug(), "correct/" + correct.getFileName(),
                        correct.resolve("src/main/java"), Candidate.Expected.allPass()));
            }
            candidates.add(new Candidate(exercise.slug(), "stub", exercise.stubSources(), Candidate.Expected.nothingPasses()));
            for (Path wrong : subfolders(dir.resolve("wrong"))) {
                candidates.add(new Candidate(exercise.slug(), "wrong/" + wrong.getFileName(),
                        wrong.resolve("src/main/java"), expected(exercise, wrong)));
            }
        }
        return candidates;
    }

    /** One grading of the self-check: a candidate under one run configuration. */
    public record Grading(Candidate candidate, JvmOptions run) {
    }

    /**
     * The build's plan, which must fit CI's time: the reference and the stub under both
     * configurations (all CPUs with the student code C2-compiled early, the JIT-warm case; and one
     * CPU), every other candidate once, the configurations alternating from one candidate to the
     * next. Every candidate under every configuration, repeated: {@link #everyRun}.
     */
    public static List<Grading> buildPlan(List<Candidate> candidates, JvmOptions base) {
        return buildPlan(candidates, base, 0, 1);
    }

    /**
     * One share of {@link #buildPlan(List, JvmOptions)}: of the candidates other than the reference
     * and the stub every {@code shares}-th from position {@code share}, so that the shares run on two
     * JDKs together grade every candidate once; the reference and the stub in every share, in one
     * configuration each that turns from share to share (both in the only share when there is one).
     */
    public static List<Grading> buildPlan(List<Candidate> candidates, JvmOptions base, int share, int shares) {
        if (shares < 1 || share < 0 || share >= shares) {
            throw new IllegalArgumentException("share " + share + " of " + shares);
        }
        List<JvmOptions> runs = List.of(base.compiledFirst(true), base.onOneCpu(true));
        List<Grading> plan = new ArrayList<>();
        int position = 0;
        int next = share;
        int special = share;
        for (Candidate candidate : candidates) {
            if (candidate.name().equals("reference") || candidate.name().equals("stub")) {
                if (shares == 1) {
                    runs.forEach(run -> plan.add(new Grading(candidate, run)));
                } else {
                    plan.add(new Grading(candidate, runs.get(special++ % runs.size())));
                }
            } else if (position++ % shares == share) {
                plan.add(new Grading(candidate, runs.get(next++ % runs.size())));
            }
        }
        return plan;
    }

    /** {@code repeat} runs on all CPUs (every third with the student code C2-compiled early), then one on one CPU. */
    public static List<JvmOptions> runs(JvmOptions base, int repeat) {
        List<JvmOptions> runs = new ArrayList<>();
        for (int i = 0; i < repeat; i++) {
            runs.add(base.compiledFirst(i % 3 == 1));
        }
        runs.add(base.onOneCpu(true));
        return runs;
    }

    /** Every candidate under every one of {@code runs}. */
    public static List<Grading> everyRun(List<Candidate> candidates, List<JvmOptions> runs) {
        List<Grading> plan = new ArrayList<>();
        for (Candidate candidate : candidates) {
            runs.forEach(run -> plan.add(new Grading(candidate, run)));
        }
        return plan;
    }

    /** Grades every candidate under every configuration, {@code parallel} at a time. */
    public static List<Verdict> run(Grader grader, List<Candidate> candidates, List<JvmOptions> runs, int parallel) {
        return run(grader, everyRun(candidates, runs), parallel);
    }

    /** Carries out the plan's gradings, {@code parallel} at a time; the verdicts in the plan's order. */
    public static List<Verdict> run(Grader grader, List<Grading> plan, int parallel) {
        Path work = temporaryDirectory();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, parallel));
        try {
            Map<Candidate, Path> submissions = new HashMap<>();
            List<Future<Verdict>> pending = new ArrayList<>();
            for (Grading grading : plan) {
                Candidate candidate = grading.candidate();
                Path submission = submissions.computeIfAbsent(candidate, c -> submissionOf(c, work));
                grader.course().bundle(grader.course().find(candidate.slug()).orElseThrow());
                JvmOptions run = grading.run();
                pending.add(pool.submit(() -> judge(grader.withJvm(run), candidate, submission, run.label())));
            }
            List<Verdict> verdicts = new ArrayList<>();
            for (Future<Verdict> future : pending) {
                verdicts.add(future.get());
            }
            return verdicts;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("self-check interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("self-check failed to grade: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
            FileTree.deleteRecursively(work);
        }
    }

    /**
     * A table of the verdicts: one row per candidate, one column per run; each cell is the verdict,
     * the score, and how long grading the exercise took (compiling, starting the test JVM, every check).
     */
    public static String table(List<Verdict> verdicts) {
        StringBuilder text = new StringBuilder();
        String previous = null;
        // One column per run only when every candidate ran the same runs (the build's plan turns
        // the configuration from one candidate to the next: each cell then names its run).
        Map<Candidate, List<String>> perCandidate = verdicts.stream().collect(Collectors.groupingBy(
                Verdict::candidate, Collectors.mapping(Verdict::run, Collectors.toList())));
        boolean sameRuns = perCandidate.values().stream().distinct().count() <= 1;
        text.append(sameRuns ? "Each run: verdict, score, time to grade.\n"
                : "Each grading: run, verdict, score, time to grade.\n");
        if (!verdicts.isEmpty() && sameRuns) {
            Candidate first = verdicts.get(0).candidate();
            text.append(String.format(Locale.ROOT, "%-52s", ""));
            verdicts.stream().filter(v -> v.candidate().equals(first))
                    .forEach(v -> text.append(String.format(Locale.ROOT, " %-17s", abbreviate(v.run()))));
            text.append('\n');
        }
        for (Verdict verdict : verdicts.stream().sorted(Comparator.comparing((Verdict v) -> v.candidate().slug())
                .thenComparing(v -> v.candidate().name())).toList()) {
            String row = verdict.candidate().slug() + " " + verdict.candidate().name();
            if (!row.equals(previous)) {
                text.append(previous == null ? "" : "\n").append(String.format(Locale.ROOT, "%-52s",
                        row));
                previous = row;
            }
            if (!sameRuns) {
                text.append(String.format(Locale.ROOT, " %-12s", abbreviate(verdict.run())));
            }
            text.append(String.format(Locale.ROOT, " %s %5s %6s", verdict.ok() ? "ok  " : "FAIL",
                    points(verdict.result().score()) + "/" + points(verdict.result().maxScore()),
                    String.format(Locale.ROOT, "%.1fs", verdict.result().durationMillis() / 1000.0)));
        }
        return text.append('\n').toString();
    }

    private static String abbreviate(String run) {
        return run.replace("all CPUs", "2+ CPUs").replace(", C2-compiled early", " C2");
    }

    private static Verdict judge(Grader grader, Candidate candidate, Path submission, String run) {
        Scorecard card = grader.grade(submission, candidate.slug() + "-" + candidate.name().replace('/', '-'), null,
                List.of(candidate.slug()));
        ExerciseResult result = card.exercises().get(0);
        return new Verdict(candidate, run, result, problems(candidate, result));
    }

    static List<String> problems(Candidate candidate, ExerciseResult result) {
        List<String> problems = new ArrayList<>();
        Candidate.Expected expected = candidate.expected();
        Set<String> notPassed = result.checks().stream().filter(c -> c.status() != CheckStatus.PASSED)
                .map(CheckResult::id).collect(Collectors.toCollection(TreeSet::new));
        if (expected.fullMarks() && !notPassed.isEmpty()) {
            problems.add("should get full marks, but these did not pass: " + describe(result, notPassed));
        }
        if (expected.zero() && result.score() != 0) {
            problems.add("should score 0, but scored " + points(result.score()) + ": passed "
                    + result.checks().stream().filter(c -> c.status() == CheckStatus.PASSED).map(CheckResult::id)
                    .toList());
        }
        if (!expected.fullMarks() && !expected.zero()) {
            Set<String> missing = new TreeSet<>(expected.mustFail());
            missing.removeAll(notPassed);
            Set<String> extra = new TreeSet<>(notPassed);
            extra.removeAll(expected.mustFail());
            extra.removeAll(expected.mayFail());
            if (!missing.isEmpty()) {
                problems.add("should fail " + missing + ", but they passed");
            }
            if (!extra.isEmpty()) {
                problems.add("should pass, but did not: " + describe(result, extra));
            }
        }
        return problems;
    }

    private static String describe(ExerciseResult result, Set<String> ids) {
        return result.checks().stream().filter(c -> ids.contains(c.id()))
                .map(c -> c.id() + " (" + c.status().name().toLowerCase(Locale.ROOT) + ": "
                        + c.message().lines().findFirst().orElse("") + ")")
                .collect(Collectors.joining("; "));
    }

    private static Candidate.Expected expected(Exercise exercise, Path wrong) {
        Path file = wrong.resolve("expected.json");
        try {
            ExpectedFile expected = JSON.readValue(file.toFile(), ExpectedFile.class);
            if (expected.fails() == null || expected.fails().isEmpty() || expected.why() == null) {
                throw new IllegalStateException(file + " must give \"why\" and a non-empty \"fails\" list");
            }
            return Candidate.Expected.failing(Set.copyOf(expected.fails()),
                    expected.mayFail() == null ? Set.of() : Set.copyOf(expected.mayFail()), expected.why());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + " (every wrong solution needs one)", e);
        }
    }

    /** Checks that expected.json files name only checks that exist. */
    public static List<String> unknownChecks(Course course, List<Candidate> candidates) {
        List<String> problems = new ArrayList<>();
        for (Candidate candidate : candidates) {
            TestBundle bundle = course.bundle(course.find(candidate.slug()).orElseThrow());
            Set<String> ids = bundle.checks().stream().map(c -> c.id()).collect(Collectors.toSet());
            Set<String> named = new TreeSet<>(candidate.expected().mustFail());
            named.addAll(candidate.expected().mayFail());
            for (String id : named) {
                if (!ids.contains(id)) {
                    problems.add(candidate.slug() + " " + candidate.name() + ": expected.json names unknown check '"
                            + id + "'");
                }
            }
        }
        return problems;
    }

    private static List<Path> subfolders(Path parent) {
        if (!Files.isDirectory(parent)) {
            return List.of();
        }
        try (Stream<Path> dirs = Files.list(parent)) {
            return dirs.filter(Files::isDirectory).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path submissionOf(Candidate candidate, Path work) {
        Path submission = work.resolve(candidate.slug() + "-" + candidate.name().replace('/', '-'));
        FileTree.copyTree(candidate.sources(), submission.resolve(candidate.slug()).resolve("src/main/java"));
        return submission;
    }

    private static String points(double value) {
        return Scoring.points(value);
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("kata-selfcheck-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
