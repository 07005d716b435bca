package kata.grader.batch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import kata.grader.classresults.ClassFolder;
import kata.grader.classresults.ClassResults;
import kata.grader.classresults.StudentRow;
import kata.grader.course.Course;
import kata.grader.files.FileTree;
import kata.grader.scorecards.ScorecardJson;
import kata.grader.similarity.SimilarityCheck;

/**
 * Combines the output folders of several batch runs (typically the n shards of one class) into
 * one: every scorecard and kept source copied, one summary, one similarity check over the whole
 * class, and one report.
 */
public final class Merge {

    private Merge() {
    }

    /**
     * @param course     what graded the class; used by the similarity check (its stubs are base code)
     * @param similarity how to check similarity; null skips the check
     * @return the merged results
     * @throws IllegalArgumentException when an entry appears in two folders, or the folders are
     *                                  shards of one run and some shard is missing
     */
    public static ClassResults run(List<Path> folders, Path out, Course course, SimilarityCheck.Settings similarity,
                                   Clock clock) {
        if (folders.isEmpty()) {
            throw new IllegalArgumentException("merge needs at least one batch output folder");
        }
        List<ClassResults> parts = folders.stream().map(ClassFolder::read).toList();
        requireAllShards(folders, parts);
        Map<String, Path> origin = new HashMap<>();
        List<StudentRow> rows = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            for (StudentRow row : parts.get(i).rows()) {
                Path other = origin.putIfAbsent(row.entry(), folders.get(i));
                if (other != null) {
                    throw new IllegalArgumentException("entry '" + row.entry() + "' is in both " + other + " and "
                            + folders.get(i) + "; merge each shard once");
                }
                rows.add(row);
            }
        }
        try {
            Files.createDirectories(out);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot use the output folder " + out + ": " + e.getMessage(), e);
        }
        try (OutputLock lock = OutputLock.take(out)) {
            for (StudentRow row : rows) {
                if (row.card() != null) {
                    ScorecardJson.write(row.card(), ClassFolder.scorecard(out, row.entry()));
                }
                copySources(ClassFolder.sources(origin.get(row.entry()), row.entry()),
                        ClassFolder.sources(out, row.entry()));
            }
            ClassResults merged = ClassResults.of(parts.get(0).title(), Instant.now(clock), Shard.ALL.toString(),
                    rows, null);
            if (similarity != null) {
                merged = SimilarityRun.of(course, out, merged, similarity);
            }
            ClassOutputs.write(out, merged);
            return merged;
        }
    }

    private static void copySources(Path from, Path to) {
        if (from.toAbsolutePath().normalize().equals(to.toAbsolutePath().normalize()) || !Files.isDirectory(from)) {
            return;
        }
        FileTree.deleteRecursively(to);
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                Files.createDirectories(target.getParent());
                Files.copy(file, target);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy the sources of " + from, e);
        }
    }

    private static void requireAllShards(List<Path> folders, List<ClassResults> parts) {
        List<Shard> shards = parts.stream().map(p -> Shard.parse(p.shard())).toList();
        Set<Integer> counts = new TreeSet<>();
        shards.forEach(s -> counts.add(s.count()));
        if (counts.size() > 1) {
            throw new IllegalArgumentException("these folders come from runs split differently (" + counts
                    + " shards); merge the shards of one run");
        }
        int count = counts.iterator().next();
        if (count == 1) {
            return;
        }
        Set<Integer> present = new TreeSet<>();
        for (int i = 0; i < shards.size(); i++) {
            if (!present.add(shards.get(i).index())) {
                throw new IllegalArgumentException("shard " + shards.get(i) + " is given twice (" + folders.get(i)
                        + ")");
            }
        }
        List<String> missing = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            if (!present.contains(i)) {
                missing.add(i + "/" + count);
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("shard " + String.join(", ", missing) + " is missing; a merge of part"
                    + " of the class would leave students out");
        }
    }
}
