package kata.grader.classresults;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import kata.support.score.CheckResult;
import kata.support.score.CheckStatus;
import kata.support.score.ExerciseResult;
import kata.support.score.Scorecard;
import kata.support.score.Scoring;

/**
 * A class's results: one row per student, one column per kata, and what is computed from them
 * (counts, distributions, the checks the class fails, who needs help). The summary files, the
 * report, merge and the exports all render this one model, so their numbers agree.
 *
 * @param title       the class report's title
 * @param generatedAt when the results were put together
 * @param shard       which part of the class ("1/1" for all of it)
 * @param katas       the katas, in course order
 * @param rows        one per student, sorted by entry
 * @param similarity  the similarity check; null when it was not run
 */
public record ClassResults(String title, Instant generatedAt, String shard, List<KataColumn> katas,
                           List<StudentRow> rows, Similarity similarity) {

    public static final String DEFAULT_TITLE = "Class report";
    /** Below this share of the points, a student is flagged. */
    static final double LOW_TOTAL = 0.5;

    public ClassResults {
        title = title == null || title.isBlank() ? DEFAULT_TITLE : title.strip();
        katas = List.copyOf(katas);
        rows = rows.stream().sorted(Comparator.comparing(StudentRow::entry)).toList();
    }

    /** Results whose katas are those of the rows' scorecards, in the order the scorecards list them. */
    public static ClassResults of(String title, Instant generatedAt, String shard, List<StudentRow> rows,
                                  Similarity similarity) {
        return new ClassResults(title, generatedAt, shard, katasOf(rows), rows, similarity);
    }

    public ClassResults withSimilarity(Similarity check) {
        return new ClassResults(title, generatedAt, shard, katas, rows, check);
    }

    private static List<KataColumn> katasOf(List<StudentRow> rows) {
        Map<String, KataColumn> columns = new LinkedHashMap<>();
        for (StudentRow row : rows) {
            if (row.card() != null) {
                for (ExerciseResult exercise : row.card().exercises()) {
                    columns.putIfAbsent(exercise.slug(), new KataColumn(exercise.slug(), exercise.title(),
                            exercise.maxScore()));
                }
            }
        }
        return List.copyOf(columns.values());
    }

    public Counts counts() {
        return Counts.of(rows);
    }

    /** The class's maximum total: the katas' points added up. */
    public double maxTotal() {
        return katas.stream().mapToDouble(KataColumn::max).sum();
    }

    /** Mean total of the graded students. */
    public double meanTotal() {
        return rows.stream().filter(r -> r.status() == RowStatus.GRADED).mapToDouble(StudentRow::total).average()
                .orElse(0);
    }

    public List<KataStats> kataStats() {
        List<KataStats> stats = new ArrayList<>();
        for (KataColumn kata : katas) {
            List<Double> scores = new ArrayList<>();
            int untouched = 0;
            int notSubmitted = 0;
            int doesNotCompile = 0;
            int full = 0;
            for (StudentRow row : rows) {
                if (row.status() != RowStatus.GRADED) {
                    continue;
                }
                KataCell cell = row.cell(kata);
                switch (cell.outcome()) {
                    case UNTOUCHED -> untouched++;
                    case NOT_SUBMITTED -> notSubmitted++;
                    case NOT_GRADED -> { }
                    default -> {
                        scores.add(cell.score());
                        doesNotCompile += cell.outcome() == KataOutcome.DOES_NOT_COMPILE ? 1 : 0;
                        full += cell.outcome() == KataOutcome.FULL_MARKS ? 1 : 0;
                    }
                }
            }
            stats.add(new KataStats(kata, scores, untouched, notSubmitted, doesNotCompile, full));
        }
        return stats;
    }

    /**
     * Per kata, the checks that real attempts fail (attempts whose checks ran: no stub, no compile
     * error), most failed first, each with its most common message.
     */
    public Map<KataColumn, List<FailingCheck>> failingChecks() {
        Map<KataColumn, List<FailingCheck>> byKata = new LinkedHashMap<>();
        for (KataColumn kata : katas) {
            Map<String, Tally> tallies = new LinkedHashMap<>();
            int ran = 0;
            for (StudentRow row : rows) {
                KataCell cell = row.status() == RowStatus.GRADED ? row.cell(kata) : null;
                if (cell == null || !cell.outcome().checksRan()) {
                    continue;
                }
                ran++;
                for (CheckResult check : cell.exercise().checks()) {
                    if (check.status() == CheckStatus.FAILED || check.status() == CheckStatus.ERROR) {
                        tallies.computeIfAbsent(check.id(), id -> new Tally(check))
                                .add(Scoring.firstLine(check.message()));
                    }
                }
            }
            int attempts = ran;
            List<FailingCheck> failing = tallies.values().stream()
                    .sorted(Comparator.comparingInt((Tally t) -> -t.count))
                    .map(t -> t.result(kata, attempts)).toList();
            byKata.put(kata, failing);
        }
        return byKata;
    }

    private static final class Tally {
        final CheckResult check;
        int count;
        final Map<String, Integer> messages = new LinkedHashMap<>();

        Tally(CheckResult check) {
            this.check = check;
        }

        void add(String message) {
            count++;
            messages.merge(message, 1, Integer::sum);
        }

        FailingCheck result(KataColumn kata, int ran) {
            Map.Entry<String, Integer> typical = messages.entrySet().stream().max(Map.Entry.comparingByValue())
                    .orElse(Map.entry("", 0));
            return new FailingCheck(kata, check.id(), check.name(), check.kind(), check.visibility(), count, ran,
                    typical.getKey(), typical.getValue());
        }
    }

    /**
     * How many katas, from the first in course order, the student has full marks on: a student
     * stalled on the first katas has a short streak.
     */
    public int streak(StudentRow row) {
        int streak = 0;
        for (KataColumn kata : katas) {
            if (row.cell(kata).outcome() != KataOutcome.FULL_MARKS) {
                break;
            }
            streak++;
        }
        return streak;
    }

    /** Why the student needs the instructor's attention, if they do. */
    public Optional<String> needsHelp(StudentRow row) {
        if (row.status() == RowStatus.NOT_SUBMITTED) {
            return Optional.of("nothing submitted");
        }
        if (row.status().couldNotBeGraded()) {
            return Optional.of(row.status().words());
        }
        double max = maxTotal();
        if (max > 0 && row.total() / max < LOW_TOTAL) {
            String stalled = katas.isEmpty() || streak(row) >= katas.size() ? ""
                    : ", stuck at " + katas.get(streak(row)).title();
            return Optional.of(Math.round(100 * row.total() / max) + "% of the points" + stalled);
        }
        return Optional.empty();
    }

    /**
     * The students in the order an instructor should look at them: who could not be graded or
     * submitted nothing, then by total (lowest first), then by how far they got in course order.
     */
    public List<StudentRow> needHelpFirst() {
        return rows.stream().sorted(Comparator.comparingInt((StudentRow r) -> r.status() == RowStatus.GRADED ? 1 : 0)
                .thenComparingDouble(StudentRow::total).thenComparingInt(this::streak)
                .thenComparing(StudentRow::displayName, String.CASE_INSENSITIVE_ORDER)).toList();
    }

    /** The roster's sections, sorted; empty when the roster has none. */
    public List<String> sections() {
        TreeSet<String> sections = new TreeSet<>();
        rows.forEach(r -> {
            if (!r.section().isEmpty()) {
                sections.add(r.section());
            }
        });
        return List.copyOf(sections);
    }

    /** The scorecards of the rows that have one. */
    public List<Scorecard> scorecards() {
        return rows.stream().map(StudentRow::card).filter(c -> c != null).toList();
    }
}
