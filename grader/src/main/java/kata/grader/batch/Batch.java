package kata.grader.batch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import kata.grader.Grader;
import kata.grader.course.CourseException;
import kata.grader.course.Exercise;
import kata.grader.export.ScorecardJson;
import kata.grader.files.FileTree;
import kata.grader.intake.ArchiveException;
import kata.grader.intake.Archives;
import kata.support.score.Scorecard;
import kata.support.score.Student;

/**
 * Grades a class: every entry of a submissions folder (or this shard's part), several at once,
 * each with its own scorecard, then the class summary and report.
 *
 * <p>Resumable: an entry is done when its scorecard and its state file (the fingerprint of the
 * entry and of the course that graded it) are both there and the fingerprint still matches. The
 * scorecard is renamed into place before the state file, so a run killed at any moment leaves
 * each entry either done or to be graded again, never half-written; the next run grades only the
 * rest.
 */
public final class Batch {

    static final String STATE = ".state";
    static final String WORK = ".work";

    /**
     * What to grade and where the results go.
     *
     * @param submissions the folder of entries
     * @param out         the output folder
     * @param jobs        submissions graded at once
     * @param roster      who each entry belongs to
     * @param shard       which part of the entries this run takes
     * @param regrade     grade every entry even when unchanged
     * @param limits      what a zip may hold
     * @param title       the class report's title
     */
    public record Options(Path submissions, Path out, int jobs, Roster roster, Shard shard, boolean regrade,
                          Archives.Limits limits, String title) {

        public Options {
            if (jobs < 1) {
                throw new IllegalArgumentException("--jobs must be at least 1");
            }
            Objects.requireNonNull(roster);
            Objects.requireNonNull(shard);
        }
    }

    /**
     * What a batch did.
     *
     * @param rows     one per student, sorted by entry
     * @param graded   entries graded in this run
     * @param kept     entries unchanged since an earlier run, not graded again
     * @param warnings for the instructor: ignored files, roster problems
     */
    public record Outcome(List<Row> rows, int graded, int kept, List<String> warnings) {
    }

    private final Grader grader;
    private final Options options;
    private final Clock clock;

    public Batch(Grader grader, Options options, Clock clock) {
        this.grader = grader;
        this.options = options;
        this.clock = clock;
    }

    /**
     * @throws IllegalArgumentException when the submissions or the output folder cannot be used
     * @throws CourseException          when the course itself is broken (nothing can be graded)
     */
    public Outcome run(Progress progress) {
        Entries.Listing listing = Entries.list(options.submissions());
        List<String> warnings = new ArrayList<>(options.roster().warnings());
        listing.ignored().forEach(name -> warnings.add(name + " is neither a folder nor a .zip; it is ignored"));
        Path out = prepare(options.out());
        Set<String> slugs = new HashSet<>(grader.course().exercises().stream().map(Exercise::slug).toList());
        String course = Digests.course(grader.course());

        List<Entry> mine = options.shard().of(listing.entries());
        // Largest entries first: a long grading started last would leave the other workers idle
        // at the end of the class.
        List<Task> tasks = mine.stream().map(entry -> task(out, entry, course))
                .sorted(Comparator.comparingLong(Task::size).reversed()).toList();
        int unchanged = (int) tasks.stream().filter(Task::unchanged).count();
        progress.start(tasks.size(), unchanged);

        List<Row> rows = new ArrayList<>();
        int kept = 0;
        ExecutorService pool = Executors.newFixedThreadPool(options.jobs(), new Workers());
        try {
            CompletionService<Finished> done = new ExecutorCompletionService<>(pool);
            for (Task task : tasks) {
                done.submit(() -> finish(out, task, slugs));
            }
            for (int i = 0; i < tasks.size(); i++) {
                Finished finished = take(done);
                rows.add(finished.row());
                kept += finished.reused() ? 1 : 0;
                progress.finished(finished.row(), finished.reused(), finished.took());
            }
        } finally {
            pool.shutdownNow();
            FileTree.deleteRecursively(out.resolve(WORK));
        }
        rows.addAll(notSubmitted(listing.entries()));
        rows.sort(Comparator.comparing(Row::entry));
        Summary.write(out, rows, options.title(), options.shard(), Instant.now(clock));
        return new Outcome(List.copyOf(rows), tasks.size() - kept, kept, List.copyOf(warnings));
    }

    /** An entry to finish, with who it belongs to and whether it is already done. */
    private record Task(Entry entry, long size, Student student, String note, String fingerprint,
                        boolean unchanged) {
    }

    private record Finished(Row row, boolean reused, Duration took) {
    }

    private Task task(Path out, Entry entry, String course) {
        Optional<Student> student = options.roster().student(entry.id());
        String note = student.isEmpty() && !options.roster().isEmpty() ? "not in the roster" : "";
        String fingerprint = Digests.combined(Digests.entry(entry), course);
        boolean unchanged = !options.regrade() && BatchState.matches(out, entry.id(), fingerprint)
                && Files.isRegularFile(Summary.scorecard(out, entry.id()));
        return new Task(entry, Entries.size(entry), student.orElse(null), note, fingerprint, unchanged);
    }

    private Finished finish(Path out, Task task, Set<String> slugs) {
        long start = System.nanoTime();
        Path cardFile = Summary.scorecard(out, task.entry().id());
        if (task.unchanged()) {
            Optional<Row> kept = kept(cardFile, task);
            if (kept.isPresent()) {
                return new Finished(kept.get(), true, Duration.ZERO);
            }
        }
        Row row;
        try {
            row = grade(out, task, slugs);
            ScorecardJson.write(row.card(), cardFile);
            BatchState.write(out, task.entry().id(), task.fingerprint());
        } catch (CourseException e) {
            throw e;
        } catch (RuntimeException e) {
            BatchState.forget(out, task.entry().id());
            row = new Row(task.entry().id(), task.student(), Row.Status.ERROR,
                    "the grader failed on this entry: " + e, null);
        }
        return new Finished(row, false, Duration.ofNanos(System.nanoTime() - start));
    }

    /** The earlier scorecard, with the roster's current identity (a corrected email needs no regrading). */
    private Optional<Row> kept(Path cardFile, Task task) {
        Scorecard card;
        try {
            card = ScorecardJson.read(cardFile);
        } catch (UncheckedIOException unreadable) {
            return Optional.empty();
        }
        if (!Objects.equals(card.student(), task.student())) {
            card = new Scorecard(card.schemaVersion(), card.grader(), card.submissionId(), task.student(),
                    card.gradedAt(), card.environment(), card.score(), card.maxScore(), card.exercises());
            ScorecardJson.write(card, cardFile);
        }
        if (BatchState.unreadable(card)) {
            String reason = card.exercises().get(0).message().lines().findFirst().orElse("");
            return Optional.of(new Row(task.entry().id(), task.student(), Row.Status.UNREADABLE,
                    (task.note().isEmpty() ? "" : task.note() + "; ") + reason, card));
        }
        return Optional.of(new Row(task.entry().id(), task.student(), Row.Status.GRADED, task.note(), card));
    }

    private Row grade(Path out, Task task, Set<String> slugs) {
        Entry entry = task.entry();
        if (!entry.zip()) {
            Scorecard card = grader.grade(Entries.root(entry.path(), slugs), entry.id(), task.student(), List.of());
            return new Row(entry.id(), task.student(), Row.Status.GRADED, task.note(), card);
        }
        Path work = out.resolve(WORK).resolve(entry.id() + "-" + UNIQUE.incrementAndGet());
        try {
            Archives.extract(entry.path(), work, options.limits());
            Scorecard card = grader.grade(Entries.root(work, slugs), entry.id(), task.student(), List.of());
            return new Row(entry.id(), task.student(), Row.Status.GRADED, task.note(), card);
        } catch (ArchiveException e) {
            Scorecard card = grader.unreadable(entry.id(), task.student(), BatchState.UNREADABLE_PREFIX
                    + e.getMessage() + ". Nothing in it was graded; submit a plain zip of your repository.");
            String note = (task.note().isEmpty() ? "" : task.note() + "; ") + "archive refused: " + e.getMessage();
            return new Row(entry.id(), task.student(), Row.Status.UNREADABLE, note, card);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot extract " + entry.path(), e);
        } finally {
            FileTree.deleteRecursively(work);
        }
    }

    private static final AtomicInteger UNIQUE = new AtomicInteger();

    private List<Row> notSubmitted(List<Entry> all) {
        Set<String> present = new HashSet<>(all.stream().map(Entry::id).toList());
        List<String> missing = options.roster().entries().stream().filter(e -> !present.contains(e)).sorted().toList();
        return options.shard().of(missing).stream().map(e -> new Row(e, options.roster().student(e).orElse(null),
                Row.Status.NOT_SUBMITTED, "", null)).toList();
    }

    /** Makes the output folder, and clears what a killed run may have left half-done. */
    private static Path prepare(Path out) {
        try {
            Files.createDirectories(out.resolve(Summary.SCORECARDS));
            FileTree.deleteRecursively(out.resolve(WORK));
            for (Path folder : List.of(out, out.resolve(Summary.SCORECARDS), out.resolve(STATE))) {
                if (!Files.isDirectory(folder)) {
                    continue;
                }
                try (Stream<Path> files = Files.list(folder)) {
                    for (Path partial : files.filter(f -> f.getFileName().toString().endsWith(".partial")).toList()) {
                        Files.deleteIfExists(partial);
                    }
                }
            }
            return out;
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot use the output folder " + out + ": " + e.getMessage(), e);
        }
    }

    private static Finished take(CompletionService<Finished> done) {
        try {
            return done.take().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the batch was interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Named worker threads, so that a thread dump of a batch reads well. */
    private static final class Workers implements java.util.concurrent.ThreadFactory {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable body) {
            Thread thread = new Thread(body, "kata-batch-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }
    }
}
