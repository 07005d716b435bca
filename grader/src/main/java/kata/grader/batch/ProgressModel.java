package kata.grader.batch;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongSupplier;
import kata.grader.classresults.RowStatus;
import kata.grader.classresults.StudentRow;

/**
 * Where a batch stands: entries done and in flight (with the kata each is on), counts in the
 * summary's words, and the time left. The time left adds up, for every kata still to grade, how
 * long that kata has taken on average so far in this run (katas differ tenfold), and divides by
 * the workers. Thread-safe: workers report katas, the coordinating thread reports entries.
 */
final class ProgressModel {

    private final LongSupplier nanoTime;
    private final long start;
    private int toGrade;
    private int kept;
    private List<String> katas = List.of();
    /** Entries not started yet -> the katas each holds. */
    private final Map<String, Set<String>> waiting = new HashMap<>();
    private int jobs = 1;
    private int graded;
    private int keptDone;
    private final Map<RowStatus, Integer> statuses = new EnumMap<>(RowStatus.class);
    /** Entries being graded, in the order they started. */
    private final Map<String, InFlight> inFlight = new LinkedHashMap<>();
    /** Per kata: total nanoseconds and count of its gradings so far. */
    private final Map<String, long[]> kataTimes = new HashMap<>();

    private static final class InFlight {
        String kata = "";
        long kataStart;
        Set<String> planned = Set.of();
        final Set<String> done = new HashSet<>();
    }

    ProgressModel(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
        this.start = nanoTime.getAsLong();
    }

    /**
     * @param toGradeKatas the entries to grade, each with the katas it holds (null: all of them)
     */
    synchronized void start(Map<String, Set<String>> toGradeKatas, int unchanged, List<String> courseKatas,
                            int workers) {
        toGrade = toGradeKatas.size();
        kept = unchanged;
        katas = List.copyOf(courseKatas);
        toGradeKatas.forEach((entry, held) -> waiting.put(entry, held == null ? Set.copyOf(katas) : Set.copyOf(held)));
        jobs = Math.max(1, workers);
    }

    synchronized void entryStarted(String entry) {
        InFlight flight = new InFlight();
        Set<String> held = waiting.remove(entry);
        flight.planned = held == null ? Set.copyOf(katas) : held;
        inFlight.put(entry, flight);
    }

    synchronized void kataStarted(String entry, String kata) {
        InFlight flight = inFlight.computeIfAbsent(entry, e -> new InFlight());
        flight.kata = kata;
        flight.kataStart = nanoTime.getAsLong();
    }

    /** @param submitted false for a kata the entry does not hold: its time says nothing of the kata's */
    synchronized void kataFinished(String entry, String kata, boolean submitted, Duration took) {
        if (submitted) {
            long[] times = kataTimes.computeIfAbsent(kata, k -> new long[2]);
            times[0] += took.toNanos();
            times[1]++;
        }
        InFlight flight = inFlight.get(entry);
        if (flight != null) {
            flight.done.add(kata);
            flight.kata = "";
        }
    }

    synchronized void entryFinished(StudentRow row, boolean wasKept) {
        inFlight.remove(row.entry());
        if (wasKept) {
            keptDone++;
        } else {
            graded++;
        }
        statuses.merge(row.status(), 1, Integer::sum);
    }

    /** "Grading 10 entries (2 unchanged, kept), 2 at a time, 10 katas each." */
    synchronized String plan() {
        return "Grading " + (toGrade + kept) + (toGrade + kept == 1 ? " entry" : " entries")
                + (kept > 0 ? " (" + kept + " unchanged, kept)" : "") + ", " + jobs + " at a time, "
                + katas.size() + (katas.size() == 1 ? " kata each." : " katas each.");
    }

    synchronized int done() {
        return graded + keptDone;
    }

    synchronized int total() {
        return toGrade + kept;
    }

    /** "2 graded, 1 unreadable archive": the summary's words; zero counts left out but graded. */
    synchronized String counts() {
        List<String> parts = new ArrayList<>();
        for (RowStatus status : RowStatus.values()) {
            int count = statuses.getOrDefault(status, 0);
            if (count > 0 || status == RowStatus.GRADED) {
                parts.add(count + " " + status.words() + (count != 1 && status.couldNotBeGraded() ? "s" : ""));
            }
        }
        if (kept > 0) {
            parts.add(keptDone + " of them unchanged and kept");
        }
        return String.join(", ", parts);
    }

    /** "ann on fix-the-race (3/10), ben starting": what the workers are on now. */
    synchronized String now() {
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, InFlight> entry : inFlight.entrySet()) {
            InFlight flight = entry.getValue();
            parts.add(entry.getKey() + (flight.kata.isEmpty() ? " starting"
                    : " on " + flight.kata + " (" + (flight.done.size() + 1) + "/" + katas.size() + ")"));
        }
        return String.join(", ", parts);
    }

    synchronized Duration elapsed() {
        return Duration.ofNanos(nanoTime.getAsLong() - start);
    }

    /**
     * The time left; unknown until a submitted kata has been graded. Each entry still to grade
     * costs, for each kata it holds, what that kata has cost so far on average (a kata not graded
     * yet in this run: the mean of those that were); the work is shared by the workers.
     */
    synchronized Optional<Duration> eta() {
        if (graded == toGrade) {
            return Optional.of(Duration.ZERO);
        }
        if (kataTimes.isEmpty()) {
            return Optional.empty();
        }
        double fallback = kataTimes.values().stream().mapToDouble(t -> (double) t[0] / t[1]).average().orElse(0);
        double work = 0;
        for (Set<String> held : waiting.values()) {
            work += held.stream().mapToDouble(k -> mean(k, fallback)).sum();
        }
        long now = nanoTime.getAsLong();
        for (InFlight flight : inFlight.values()) {
            for (String kata : flight.planned) {
                if (flight.done.contains(kata)) {
                    continue;
                }
                double cost = mean(kata, fallback);
                work += kata.equals(flight.kata) ? Math.max(0, cost - (now - flight.kataStart)) : cost;
            }
        }
        int parallel = Math.max(1, Math.min(jobs, waiting.size() + inFlight.size()));
        return Optional.of(Duration.ofNanos((long) (work / parallel)));
    }

    private double mean(String kata, double otherwise) {
        long[] times = kataTimes.get(kata);
        return times == null ? otherwise : (double) times[0] / times[1];
    }

    /** 1m05s, or 4.2s under a minute. */
    static String duration(Duration duration) {
        long s = duration.toSeconds();
        return s >= 60 ? s / 60 + "m" + String.format(Locale.ROOT, "%02d", s % 60) + "s"
                : String.format(Locale.ROOT, "%.1fs", duration.toMillis() / 1000.0);
    }
}
