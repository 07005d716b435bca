package kata.grader.batch;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import kata.grader.export.ScorecardJson;

/**
 * Combines the output folders of several batch runs (typically the n shards of one class) into
 * one: every scorecard copied, one summary and one report over all rows.
 */
public final class Merge {

    private Merge() {
    }

    /**
     * @return the merged rows, sorted by entry
     * @throws IllegalArgumentException when an entry appears in two folders, or the folders are
     *                                  shards of one run and some shard is missing
     */
    public static List<Row> run(List<Path> folders, Path out, Clock clock) {
        if (folders.isEmpty()) {
            throw new IllegalArgumentException("merge needs at least one batch output folder");
        }
        List<Summary.Read> parts = folders.stream().map(Summary::read).toList();
        requireAllShards(folders, parts);
        Map<String, Path> origin = new HashMap<>();
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            for (Row row : parts.get(i).rows()) {
                Path other = origin.putIfAbsent(row.entry(), folders.get(i));
                if (other != null) {
                    throw new IllegalArgumentException("entry '" + row.entry() + "' is in both " + other + " and "
                            + folders.get(i) + "; merge each shard once");
                }
                rows.add(row);
            }
        }
        rows.sort(Comparator.comparing(Row::entry));
        for (Row row : rows) {
            if (row.card() != null) {
                ScorecardJson.write(row.card(), Summary.scorecard(out, row.entry()));
            }
        }
        String title = parts.get(0).title().isEmpty() ? "Class report" : parts.get(0).title();
        Summary.write(out, rows, title, Shard.ALL, Instant.now(clock));
        return rows;
    }

    private static void requireAllShards(List<Path> folders, List<Summary.Read> parts) {
        Set<Integer> counts = new TreeSet<>();
        parts.forEach(p -> counts.add(p.shard().count()));
        if (counts.size() > 1) {
            throw new IllegalArgumentException("these folders come from runs split differently (" + counts
                    + " shards); merge the shards of one run");
        }
        int count = counts.iterator().next();
        if (count == 1) {
            return;
        }
        Set<Integer> present = new TreeSet<>();
        for (int i = 0; i < parts.size(); i++) {
            if (!present.add(parts.get(i).shard().index())) {
                throw new IllegalArgumentException("shard " + parts.get(i).shard() + " is given twice (" + folders.get(i)
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
