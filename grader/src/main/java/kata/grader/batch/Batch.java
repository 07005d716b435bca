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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
import kata.grader.classresults.ClassFolder;
import kata.grader.classresults.ClassResults;
import kata.grader.classresults.RowStatus;
import kata.grader.classresults.StudentRow;
import kata.grader.course.CourseException;
import kata.grader.course.Exercise;
import kata.grader.files.AtomicFile;
import kata.grader.files.FileTree;
import kata.grader.intake.ArchiveException;
import kata.grader.intake.Archives;
import kata.support.score.Scorecard;
import kata.support.score.Scoring;
import kata.support.score.Student;
import kata.grader.scorecards.ScorecardJson;
import kata.grader.similarity.SimilarityCheck;

/**
 * Grades a class: every entry of a submissions folder (or this shard's part), several at once,
 * each with its own scorecard, then the class results (summary, similarity, report).
 *
 * <p>Resumable: an entry is done when its scorecard and its state file (the fingerprint of the
 * entry and of the course that graded it) are both there and the fingerprint still matches. The
 * scorecard is renamed into place before the state file, so a run killed at any moment leaves
 * each entry either done or to be graded again, never half-written; the next run grades only the
 * rest. Two runs on one output folder at once are refused.
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
     * @param title       the class report's title; null keeps the folder's title (or the default)
     * @param similarity  how to check similarity; null skips it
     */
    public record Options(Path submissions, Path out, int jobs, Roster roster, Shard shard, boolean regrade,
                          Archives.Limits limits, String title,
                          SimilarityCheck.Settings similarity) {

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
     * @param results  the class results, as written
     * @param graded   entries graded in this run
     * @param kept     entries unchanged since an earlier run, not graded again
     * @param warnings for the instructor: ignored files, roster problems, similarity notes
     */
    public record Outcome(ClassResults results, int graded, int kept, List<String> warnings) {
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
     * @throws IllegalArgumentException when the submissions or the output folder cannot be used,
     *                                  or another batch is writing to it
     * @throws CourseException          when the course itself is broken (nothing can be graded)
     */
    public Outcome run(Progress progress) {
        Entries.Listing listing = Entries.list(options.submissions());
        List<String> warnings = new ArrayList<>(options.roster().warnings());
        listing.ignored().forEach(name -> warnings.add(name + " is neither a folder nor an archive; it is ignored"));
        Path out = prepare(options.out());
        try (OutputLock lock = OutputLock.take(out)) {
            clearLeftovers(out);
            String title = options.title() != null ? options.title() : ClassFolder.title(out).orElse(null);
            Graded graded = grade(out, listing, progress);
            ClassResults results = ClassResults.of(title, Instant.now(clock), options.shard().toString(),
                    graded.rows(), null);
            if (options.similarity() != null) {
                results = SimilarityRun.of(grader.course(), out, results, options.similarity());
                results.similarity().notes().forEach(warnings::add);
            }
            ClassOutputs.write(out, results);
            return new Outcome(results, graded.graded(), graded.kept(), List.copyOf(warnings));
        }
    }

    /** The rows of this run, and how many entries were graded and kept. */
    private record Graded(List<StudentRow> rows, int graded, int kept) {
    }

    private Graded grade(Path out, Entries.Listing listing, Progress progress) {
        Set<String> slugs = new HashSet<>(grader.course().exercises().stream().map(Exercise::slug).toList());
        String course = Digests.course(grader.course());
        List<Entry> mine = options.shard().of(listing.entries());
        // Largest entries first: a long grading started last would leave the other workers idle
        // at the end of the class.
        List<Task> tasks = mine.stream().map(entry -> task(out, entry, course))
                .sorted(Comparator.comparingLong(Task::size).reversed()).toList();
        int unchanged = (int) tasks.stream().filter(Task::unchanged).count();
        Map<String, Set<String>> toGrade = new LinkedHashMap<>();
        tasks.stream().filter(t -> !t.unchanged())
                .forEach(t -> toGrade.put(t.entry().id(), Entries.katas(t.entry(), slugs)));
        progress.start(toGrade, unchanged, slugs.stream().sorted().toList(), options.jobs());
        Grader reporting = grader.withListener(progress);

        List<StudentRow> rows = new ArrayList<>();
        int kept = 0;
        ExecutorService pool = Executors.newFixedThreadPool(options.jobs(), new Workers());
        try {
            CompletionService<Finished> done = new ExecutorCompletionService<>(pool);
            for (Task task : tasks) {
                done.submit(() -> finish(reporting, out, task, slugs, progress));
            }
            for (int i = 0; i < tasks.size(); i++) {
                Finished finished = take(done);
                rows.add(finished.row());
                kept += finished.reused() ? 1 : 0;
                progress.entryFinished(finished.row(), finished.reused(), finished.took());
            }
        } finally {
            pool.shutdownNow();
            progress.close();
            FileTree.deleteRecursively(out.resolve(WORK));
        }
        rows.addAll(notSubmitted(listing.entries()));
        return new Graded(rows, tasks.size() - kept, kept);
    }

    /** An entry to finish, with who it belongs to and whether it is already done. */
    private record Task(Entry entry, long size, Student student, String note, String fingerprint,
                        boolean unchanged) {
    }

    private record Finished(StudentRow row, boolean reused, Duration took) {
    }

    private Task task(Path out, Entry entry, String course) {
        Optional<Student> student = options.roster().student(entry.id());
        String note = student.isEmpty() && !options.roster().isEmpty() ? StudentRow.NOT_IN_ROSTER : "";
        String fingerprint = Digests.combined(Digests.entry(entry), course);
        boolean unchanged = !options.regrade() && BatchState.matches(out, entry.id(), fingerprint)
                && Files.isRegularFile(ClassFolder.scorecard(out, entry.id()));
        return new Task(entry, Entries.size(entry), student.orElse(null), note, fingerprint, unchanged);
    }

    private Finished finish(Grader reporting, Path out, Task task, Set<String> slugs, Progress progress) {
        long start = System.nanoTime();
        Path cardFile = ClassFolder.scorecard(out, task.entry().id());
        if (task.unchanged()) {
            Optional<StudentRow> kept = kept(out, cardFile, task);
            if (kept.isPresent()) {
                return new Finished(kept.get(), true, Duration.ZERO);
            }
        }
        progress.entryStarted(task.entry().id());
        StudentRow row;
        try {
            row = grade(reporting, out, task, slugs);
            ScorecardJson.write(row.card(), cardFile);
            BatchState.write(out, task.entry().id(), task.fingerprint());
        } catch (CourseException e) {
            throw e;
        } catch (RuntimeException e) {
            if (e instanceof AtomicFile.WriteFailed || AtomicFile.isOutOfSpace(e)) {
                // Every entry after this one would fail the same way: stop, keeping what is written.
                String what = e.getMessage() + (e.getMessage() != null && e.getMessage().contains("No space")
                        || !AtomicFile.isOutOfSpace(e) ? "" : ": no space left on the disk");
                throw new AtomicFile.WriteFailed(what + ". The batch stopped; every scorecard already"
                        + " written is kept. Once there is room, run the same command again: it grades only what is"
                        + " missing.", e.getCause() instanceof IOException io ? io : new IOException(e));
            }
            BatchState.forget(out, task.entry().id());
            row = new StudentRow(task.entry().id(), task.student(), RowStatus.GRADER_ERROR,
                    "the grader failed on this entry: " + e, null);
        }
        return new Finished(row, false, Duration.ofNanos(System.nanoTime() - start));
    }

    /** The earlier scorecard, with the roster's current identity (a corrected email needs no regrading). */
    private Optional<StudentRow> kept(Path out, Path cardFile, Task task) {
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
        if (RowStatus.of(card) == RowStatus.UNREADABLE) {
            String reason = Scoring.firstLine(card.exercises().get(0).message());
            return Optional.of(new StudentRow(task.entry().id(), task.student(), RowStatus.UNREADABLE,
                    (task.note().isEmpty() ? "" : task.note() + "; ") + reason, card));
        }
        Set<String> untouched = KeptSources.untouched(ClassFolder.sources(out, task.entry().id()),
                grader.course().exercises());
        return Optional.of(new StudentRow(task.entry().id(), task.student(), RowStatus.GRADED, task.note(), card,
                untouched));
    }

    private StudentRow grade(Grader reporting, Path out, Task task, Set<String> slugs) {
        Entry entry = task.entry();
        Path kept = ClassFolder.sources(out, entry.id());
        if (entry.kind() == Entry.Kind.FOLDER) {
            return graded(reporting, Entries.root(entry.path(), slugs), kept, task);
        }
        if (entry.kind() == Entry.Kind.UNSUPPORTED_ARCHIVE) {
            return unreadable(task, kept, "it is a " + Entries.unsupportedExtension(entry) + " archive, and only folders"
                    + " and .zip archives are read");
        }
        Path work = out.resolve(WORK).resolve(entry.id() + "-" + UNIQUE.incrementAndGet());
        try {
            Archives.extract(entry.path(), work, options.limits());
            return graded(reporting, Entries.root(work, slugs), kept, task);
        } catch (ArchiveException e) {
            return unreadable(task, kept, e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot extract " + entry.path(), e);
        } finally {
            FileTree.deleteRecursively(work);
        }
    }

    private StudentRow unreadable(Task task, Path kept, String reason) {
        FileTree.deleteRecursively(kept);
        Scorecard card = grader.unreadable(task.entry().id(), task.student(), RowStatus.UNREADABLE_PREFIX
                + reason + ". Nothing in it was graded; submit a plain zip of your repository.");
        String note = (task.note().isEmpty() ? "" : task.note() + "; ") + "archive refused: " + reason;
        return new StudentRow(task.entry().id(), task.student(), RowStatus.UNREADABLE, note, card);
    }

    private StudentRow graded(Grader reporting, Path root, Path kept, Task task) {
        Scorecard card = reporting.grade(root, task.entry().id(), task.student(), List.of());
        KeptSources.keep(root, grader.course().exercises(), kept);
        return new StudentRow(task.entry().id(), task.student(), RowStatus.GRADED, task.note(), card,
                KeptSources.untouched(kept, grader.course().exercises()));
    }

    private static final AtomicInteger UNIQUE = new AtomicInteger();

    private List<StudentRow> notSubmitted(List<Entry> all) {
        Set<String> present = new HashSet<>(all.stream().map(Entry::id).toList());
        List<String> missing = options.roster().entries().stream().filter(e -> !present.contains(e)).sorted().toList();
        return options.shard().of(missing).stream().map(e -> new StudentRow(e, options.roster().student(e).orElse(null),
                RowStatus.NOT_SUBMITTED, "", null)).toList();
    }

    /** Makes the output folder, and clears what a killed run may have left half-done. */
    private static Path prepare(Path out) {
        try {
            Files.createDirectories(out.resolve(ClassFolder.SCORECARDS));
            return out;
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot use the output folder " + out + ": " + e.getMessage(), e);
        }
    }

    /** What a killed run may leave: half-written files and extraction folders. Called under the lock. */
    private static void clearLeftovers(Path out) {
        try {
            FileTree.deleteRecursively(out.resolve(WORK));
            for (Path folder : List.of(out, out.resolve(ClassFolder.SCORECARDS), out.resolve(STATE))) {
                if (!Files.isDirectory(folder)) {
                    continue;
                }
                try (Stream<Path> files = Files.list(folder)) {
                    for (Path partial : files.filter(f -> f.getFileName().toString().endsWith(".partial")).toList()) {
                        Files.deleteIfExists(partial);
                    }
                }
            }
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
