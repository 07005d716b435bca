package kata.grader.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import kata.grader.Fixtures;
import kata.grader.Grader;
import kata.grader.classresults.ClassFolder;
import kata.grader.classresults.RowStatus;
import kata.grader.classresults.StudentRow;
import kata.grader.intake.Archives;
import kata.grader.scorecards.ScorecardJson;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A class graded in one call. Most entries here do not compile or are not zips, which the grader
 * settles in a second; one real grading proves the scorecards carry the verdicts.
 */
class BatchTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC);

    private static Batch.Outcome run(Path submissions, Path out, Roster roster, Shard shard, int jobs) {
        return run(submissions, out, roster, shard, jobs, "Lab 1");
    }

    private static Batch.Outcome run(Path submissions, Path out, Roster roster, Shard shard, int jobs, String title) {
        Batch.Options options = new Batch.Options(submissions, out, jobs, roster, shard, false,
                Archives.Limits.DEFAULT, title, null);
        return new Batch(Grader.of(Fixtures.course()).withParallelism(1), options, CLOCK).run(Progress.silent());
    }

    private static Batch.Outcome run(Path submissions, Path out) {
        return run(submissions, out, Roster.empty(), Shard.ALL, 2);
    }

    private static List<List<String>> summary(Path out) throws IOException {
        try (var reader = Files.newBufferedReader(out.resolve(ClassFolder.SUMMARY_CSV))) {
            return CSVFormat.RFC4180.parse(reader).getRecords().stream().map(CSVRecord::toList).toList();
        }
    }

    private static Batch.Options options(Path subs, Path out) {
        return new Batch.Options(subs, out, 1, Roster.empty(), Shard.ALL, false, Archives.Limits.DEFAULT, "Lab 1", null);
    }

    private static List<String> leftovers(Path out) throws IOException {
        try (Stream<Path> walk = Files.walk(out)) {
            return walk.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".partial") || n.equals(".work"))
                    .toList();
        }
    }

    @Test
    void aClassIsGradedWithRosterIdentitiesUnmatchedEntriesAndMissingStudents(@TempDir Path dir) throws Exception {
        Path subs = dir.resolve("subs");
        Submissions.folder(subs, "alice", "correct");
        Submissions.zip(subs, "bob", "does-not-compile");
        Submissions.corrupt(subs, "carol");
        Files.writeString(subs.resolve("notes.txt"), "not a submission");
        Path roster = Submissions.roster(dir, List.of("entry,name,email,lms_user_id",
                "alice,Alice Martin,alice@x.edu,1001", "bob,Bob Li,bob@x.edu,1002", "zed,Zed Ray,zed@x.edu,1009"));
        Path out = dir.resolve("out");

        Batch.Outcome outcome = run(subs, out, Roster.read(roster), Shard.ALL, 2);

        assertEquals(3, outcome.graded());
        assertEquals(List.of("notes.txt is neither a folder nor an archive; it is ignored"), outcome.warnings());
        List<List<String>> rows = summary(out);
        assertEquals(List.of("entry", "name", "email", "login", "lms_user_id", "sis_user_id", "section", "status",
                "probe", "total", "max", "note"), rows.get(0));
        assertEquals(List.of("alice", "Alice Martin", "alice@x.edu", "", "1001", "", "", "graded", "5", "5", "5", ""),
                rows.get(1));
        assertEquals(List.of("bob", "Bob Li", "bob@x.edu", "", "1002", "", "", "graded", "0", "0", "5", ""),
                rows.get(2));
        // No verdict: blank points, not a 0 a spreadsheet would average in.
        assertEquals(List.of("carol", "", "", "", "", "", "", "unreadable", "", "", "5"), rows.get(3).subList(0, 11));
        assertTrue(rows.get(3).get(11).startsWith("not in the roster; archive refused: carol.zip is not a readable"),
                rows.get(3).get(11));
        assertEquals(List.of("zed", "Zed Ray", "zed@x.edu", "", "1009", "", "", "not_submitted", "", "", "", ""),
                rows.get(4));
        assertEquals("1001", ScorecardJson.read(ClassFolder.scorecard(out, "alice")).student().lmsUserId());
        assertTrue(ScorecardJson.read(ClassFolder.scorecard(out, "carol")).exercises().get(0).message()
                .startsWith("Your archive could not be read: "));
        assertTrue(Files.readString(out.resolve(ClassFolder.SUMMARY_JSON)).contains("\"status\" : \"not_submitted\""));
        assertTrue(Files.readString(out.resolve(ClassFolder.REPORT)).contains("Alice Martin"));
        // The corrupt archive is counted once, as could not be graded.
        assertEquals("4 students: 2 graded, 1 not submitted, 1 could not be graded (1 unreadable archive). 1 entry is"
                + " not in the roster.", outcome.results().counts().sentence());
        assertEquals(List.of(), leftovers(out));
    }

    @Test
    void aSecondRunKeepsWhatIsUnchangedAndRegradesOnlyWhatChanged(@TempDir Path dir) throws Exception {
        Path subs = dir.resolve("subs");
        Path bob = Submissions.folder(subs, "bob", "does-not-compile");
        Submissions.zip(subs, "dan", "does-not-compile");
        Submissions.corrupt(subs, "carol");
        Path out = dir.resolve("out");
        run(subs, out);
        Instant danGraded = ScorecardJson.read(ClassFolder.scorecard(out, "dan")).gradedAt();

        Batch.Outcome unchanged = run(subs, out);
        try (Stream<Path> sources = Files.walk(bob).filter(p -> p.toString().endsWith(".java"))) {
            Path source = sources.findFirst().orElseThrow();
            Files.writeString(source, Files.readString(source) + "\n// edited\n");
        }
        Batch.Outcome afterEdit = run(subs, out);

        assertEquals(0, unchanged.graded());
        assertEquals(3, unchanged.kept());
        assertEquals(1, afterEdit.graded());
        assertEquals(2, afterEdit.kept());
        assertEquals(danGraded, ScorecardJson.read(ClassFolder.scorecard(out, "dan")).gradedAt());
        assertEquals(4, summary(out).size());
    }

    @Test
    void aRunKilledMidWriteLeavesOnlyWholeFilesAndTheNextRunFinishesTheRest(@TempDir Path dir) throws Exception {
        Path subs = dir.resolve("subs");
        Submissions.folder(subs, "bob", "does-not-compile");
        Submissions.zip(subs, "dan", "does-not-compile");
        Path out = dir.resolve("out");
        run(subs, out);
        // What kill -9 can leave: dan's scorecard renamed into place but not its state file, a
        // temporary file half-written beside it, and an extraction folder.
        Files.delete(out.resolve(Batch.STATE).resolve("dan.done"));
        Files.writeString(out.resolve(ClassFolder.SCORECARDS).resolve(".bob.json123.partial"), "{\"sche");
        Files.createDirectories(out.resolve(Batch.WORK).resolve("dan-7"));

        Batch.Outcome resumed = run(subs, out);

        assertEquals(1, resumed.graded());
        assertEquals(1, resumed.kept());
        assertEquals(List.of(), leftovers(out));
        assertEquals(List.of("bob", "dan"), summary(out).stream().skip(1).map(r -> r.get(0)).toList());
    }

    @Test
    void shardsGradeDisjointPartsAndTheirMergeIsTheWholeClass(@TempDir Path dir) throws Exception {
        Path subs = dir.resolve("subs");
        for (String entry : List.of("a", "b", "c")) {
            Submissions.zip(subs, entry, "does-not-compile");
        }
        Path roster = Submissions.roster(dir, List.of("entry,email", "a,a@x.edu", "b,b@x.edu", "c,c@x.edu",
                "d,d@x.edu"));
        Path one = dir.resolve("shard-1");
        Path two = dir.resolve("shard-2");

        Batch.Outcome first = run(subs, one, Roster.read(roster), Shard.parse("1/2"), 1);
        Batch.Outcome second = run(subs, two, Roster.read(roster), Shard.parse("2/2"), 1);
        List<StudentRow> merged = Merge.run(List.of(two, one), dir.resolve("all"), Fixtures.course(), null, CLOCK)
                .rows();

        // Submitted entries and missing students are each split over the shards, so each lands in one.
        assertEquals(List.of("a", "c", "d"), first.results().rows().stream().map(StudentRow::entry).toList());
        assertEquals(List.of("b"), second.results().rows().stream().map(StudentRow::entry).toList());
        assertEquals(List.of("a", "b", "c", "d"), merged.stream().map(StudentRow::entry).toList());
        assertEquals(RowStatus.NOT_SUBMITTED, merged.get(3).status());
        assertEquals(List.of("a", "b", "c", "d"),
                summary(dir.resolve("all")).stream().skip(1).map(r -> r.get(0)).toList());
        assertTrue(Files.isRegularFile(ClassFolder.scorecard(dir.resolve("all"), "b")));
        IllegalArgumentException partial = assertThrows(IllegalArgumentException.class,
                () -> Merge.run(List.of(one), dir.resolve("part"), Fixtures.course(), null, CLOCK));
        assertTrue(partial.getMessage().contains("shard 2/2 is missing"), partial.getMessage());
        assertFalse(Files.exists(dir.resolve("part").resolve(ClassFolder.SUMMARY_CSV)));
    }

    @Test
    void plainProgressLinesSayWhatStartsAndWhatEndsInTheSummarysWords(@TempDir Path dir) throws Exception {
        Path subs = dir.resolve("subs");
        Submissions.corrupt(subs, "carol");
        Submissions.zip(subs, "dan", "does-not-compile");
        Path out = dir.resolve("out");
        run(subs, out);
        Files.writeString(subs.resolve("dan.zip"), "not a zip any more");
        StringWriter text = new StringWriter();

        new Batch(Grader.of(Fixtures.course()), options(subs, out), CLOCK).run(Progress.lines(new PrintWriter(text)));

        List<String> lines = text.toString().lines().toList();
        assertEquals("Grading 2 entries (1 unchanged, kept), 1 at a time, 1 kata each.", lines.get(0));
        assertTrue(lines.contains("[0/2] dan: grading") || lines.contains("[1/2] dan: grading"), lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("[") && l.contains(" carol 0/5 unreadable archive"
                + " (unchanged, kept)")), lines.toString());
        assertTrue(lines.get(lines.size() - 1).matches("\\[2/2\\] \\w+ .*\\(0 graded, 2 unreadable archives,"
                + " 1 of them unchanged and kept; ETA .*\\)"), lines.toString());
    }

    @Test
    void largerEntriesAreGradedFirstSoALongGradingDoesNotStartLast(@TempDir Path dir) throws Exception {
        Path subs = Files.createDirectories(dir.resolve("subs"));
        Files.writeString(subs.resolve("amy.zip"), "x".repeat(10));
        Files.writeString(subs.resolve("bob.zip"), "x".repeat(3000));
        Files.writeString(subs.resolve("cid.zip"), "x".repeat(200));
        StringWriter text = new StringWriter();

        new Batch(Grader.of(Fixtures.course()), options(subs, dir.resolve("out")), CLOCK)
                .run(Progress.lines(new PrintWriter(text)));

        List<String> order = text.toString().lines().filter(line -> line.endsWith(": grading"))
                .map(line -> line.split(" ")[1].replace(":", "")).toList();
        assertEquals(List.of("bob", "cid", "amy"), order);
        assertEquals(List.of("amy", "bob", "cid"), summary(dir.resolve("out")).stream().skip(1)
                .map(row -> row.get(0)).toList(), "the summary stays in entry order");
    }

    @Test
    void aRunWithoutATitleKeepsTheTitleTheFolderHas(@TempDir Path dir) throws Exception {
        Path subs = dir.resolve("subs");
        Submissions.corrupt(subs, "carol");
        Path out = dir.resolve("out");
        run(subs, out, Roster.empty(), Shard.ALL, 1, "Lab 7, group B");

        Batch.Outcome again = run(subs, out, Roster.empty(), Shard.ALL, 1, null);

        assertEquals("Lab 7, group B", again.results().title());
        assertTrue(Files.readString(out.resolve(ClassFolder.REPORT)).contains("<title>Lab 7, group B</title>"));
    }

    @Test
    void aSecondRunIntoAFolderAnotherRunIsWritingIsRefused(@TempDir Path dir) throws Exception {
        Path subs = dir.resolve("subs");
        Submissions.corrupt(subs, "carol");
        Path out = Files.createDirectories(dir.resolve("out"));

        try (OutputLock held = OutputLock.take(out)) {
            IllegalArgumentException busy = assertThrows(IllegalArgumentException.class, () -> run(subs, out));
            assertTrue(busy.getMessage().startsWith("another run is writing to " + out), busy.getMessage());
        }
        assertEquals(1, run(subs, out).graded(), "free again once the other run is over");
    }

    @Test
    void aStubHandedInUnchangedIsToldApartFromAnAttempt(@TempDir Path dir) throws Exception {
        Path subs = dir.resolve("subs");
        Path stub = Fixtures.resource("fixture-course").resolve("exercises/probe/src/main/java/probe/Probe.java");
        Path copy = subs.resolve("sam/probe/src/main/java/probe/Probe.java");
        Files.createDirectories(copy.getParent());
        // Comments and layout do not make an attempt.
        Files.writeString(copy, "// my work\n" + Files.readString(stub).replace("    ", "\t"));
        Submissions.folder(subs, "tia", "throws");
        Path out = dir.resolve("out");

        Batch.Outcome outcome = run(subs, out);

        assertEquals(java.util.Set.of("probe"), outcome.results().rows().get(0).untouched());
        assertEquals(java.util.Set.of(), outcome.results().rows().get(1).untouched());
        assertTrue(Files.readString(out.resolve(ClassFolder.SUMMARY_JSON)).contains("\"untouched\" : [ \"probe\" ]"));
        assertTrue(Files.isRegularFile(ClassFolder.sources(out, "tia").resolve("probe/probe/Probe.java")),
                "the sources are kept for the similarity check");
    }

    @Test
    void whatCannotBeGradedSaysWhyAnArchiveOfAnotherKindALinkAndAnArchiveInsideTheSubmission(@TempDir Path dir)
            throws Exception {
        Path subs = dir.resolve("subs");
        Submissions.zip(subs, "dora", "correct");
        Files.move(subs.resolve("dora.zip"), subs.resolve("dora.tar.gz"));
        Path eve = Submissions.folder(subs, "eve", "correct");
        Path source = eve.resolve("probe/src/main/java/probe/Probe.java");
        Path elsewhere = Files.move(source, dir.resolve("Probe.java"));
        Files.createSymbolicLink(source, elsewhere);
        Path fay = Files.createDirectories(subs.resolve("fay"));
        Submissions.zip(fay, "my-katas", "correct");
        Path out = dir.resolve("out");

        Batch.Outcome outcome = run(subs, out);

        assertEquals(List.of(), outcome.warnings());
        List<StudentRow> rows = outcome.results().rows();
        assertEquals(List.of("dora", "eve", "fay"), rows.stream().map(StudentRow::entry).toList());
        assertEquals(RowStatus.UNREADABLE, rows.get(0).status());
        assertEquals("Your archive could not be read: it is a .tar.gz archive, and only folders and .zip archives"
                + " are read. Nothing in it was graded; submit a plain zip of your repository.",
                rows.get(0).card().exercises().get(0).message());
        String eveMessage = rows.get(1).card().exercises().get(0).message();
        assertTrue(eveMessage.startsWith("Not graded: probe/Probe.java is a symbolic link in probe/src/main/java,"
                + " and links are never followed"), eveMessage);
        assertEquals(0, rows.get(1).card().score());
        assertEquals("Not submitted: no Java sources in probe/src/main/java. The submission holds my-katas.zip:"
                + " archives inside a submission are not unpacked; submit the kata folders themselves (one plain"
                + " zip of them at most).", rows.get(2).card().exercises().get(0).message());
    }
}
