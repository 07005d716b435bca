package kata.grader.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import kata.grader.classresults.RowStatus;
import kata.grader.classresults.StudentRow;
import me.tongfei.progressbar.ProgressBarConsumer;
import org.junit.jupiter.api.Test;

/** What the instructor sees while a class is graded: from the start, in the summary's words, with a fair ETA. */
class ProgressTest {

    private static final List<String> KATAS = List.of("alpha", "beta");

    /** A clock the test moves by hand. */
    private final AtomicLong now = new AtomicLong();

    private ProgressModel model(Map<String, Set<String>> toGrade, int jobs) {
        ProgressModel model = new ProgressModel(now::get);
        model.start(toGrade, 0, KATAS, jobs);
        return model;
    }

    private static StudentRow row(String entry, RowStatus status) {
        return new StudentRow(entry, null, status, "", null);
    }

    private void advance(Duration by) {
        now.addAndGet(by.toNanos());
    }

    @Test
    void beforeAnyEntryFinishesTheWorkersAndTheirKatasAreShown() {
        ProgressModel model = model(Map.of("ann", Set.of("alpha", "beta"), "ben", Set.of("alpha")), 2);

        model.entryStarted("ann");
        model.entryStarted("ben");
        model.kataStarted("ann", "beta");

        assertEquals("ann on beta (1/2), ben starting", model.now());
        assertEquals("0 graded", model.counts());
        assertEquals(Optional.empty(), model.eta(), "no kata timed yet: no guess");
    }

    @Test
    void theTimeLeftAddsUpWhatEachKataStillToGradeHasCostAndSharesItAmongTheWorkers() {
        Map<String, Set<String>> toGrade = new LinkedHashMap<>();
        toGrade.put("ann", Set.of("alpha", "beta"));
        toGrade.put("ben", Set.of("alpha", "beta"));
        toGrade.put("cat", Set.of("alpha"));
        ProgressModel model = model(toGrade, 1);

        model.entryStarted("ann");
        model.kataStarted("ann", "alpha");
        advance(Duration.ofSeconds(10));
        model.kataFinished("ann", "alpha", true, Duration.ofSeconds(10));
        model.kataStarted("ann", "beta");
        advance(Duration.ofSeconds(30));
        model.kataFinished("ann", "beta", true, Duration.ofSeconds(30));
        model.entryFinished(row("ann", RowStatus.GRADED), false);

        // ben: alpha 10 s + beta 30 s; cat: alpha 10 s; one worker.
        assertEquals(Optional.of(Duration.ofSeconds(50)), model.eta());
        model.entryStarted("ben");
        model.kataStarted("ben", "alpha");
        advance(Duration.ofSeconds(4));
        assertEquals(Optional.of(Duration.ofSeconds(46)), model.eta(), "the kata under way counts what is left of it");
    }

    @Test
    void aKataThatWasNotSubmittedSaysNothingOfHowLongTheKataTakes() {
        ProgressModel model = model(Map.of("ann", Set.of("alpha"), "ben", Set.of("alpha", "beta")), 1);

        model.entryStarted("ann");
        model.kataFinished("ann", "alpha", true, Duration.ofSeconds(8));
        model.kataFinished("ann", "beta", false, Duration.ofMillis(2));
        model.entryFinished(row("ann", RowStatus.GRADED), false);

        // beta has no timing of its own yet: it counts as the mean of the timed katas (8 s).
        assertEquals(Optional.of(Duration.ofSeconds(16)), model.eta());
    }

    @Test
    void countsUseTheWordsOfTheSummary() {
        ProgressModel model = model(Map.of("ann", KATAS.stream().collect(java.util.stream.Collectors.toSet()),
                "ben", Set.of(), "cat", Set.of()), 2);

        model.entryFinished(row("ann", RowStatus.GRADED), false);
        model.entryFinished(row("ben", RowStatus.UNREADABLE), false);
        model.entryFinished(row("cat", RowStatus.UNREADABLE), false);

        assertEquals("1 graded, 2 unreadable archives", model.counts());
        assertEquals(Optional.of(Duration.ZERO), model.eta());
    }

    @Test
    void theTerminalBarIsDrawnFromTheStartWithTheWorkersAndFinishesWithTheCounts() {
        List<String> frames = java.util.Collections.synchronizedList(new ArrayList<>());
        ProgressBarConsumer screen = new ProgressBarConsumer() {
            @Override
            public int getMaxRenderedLength() {
                return 200;
            }

            @Override
            public synchronized void accept(String rendered) {
                frames.add(rendered);
            }

            @Override
            public void close() {
            }
        };
        ProgressModel model = new ProgressModel(now::get);
        Progress bar = Progress.bar(screen, model, 60_000);

        bar.start(Map.of("ann", Set.of("alpha"), "ben", Set.of("alpha")), 0, KATAS, 2);
        bar.entryStarted("ann");
        bar.exerciseStarted("ann", "alpha");
        String early = lastFrame(frames, bar);
        bar.entryFinished(row("ann", RowStatus.GRADED), false, Duration.ofSeconds(3));
        bar.entryFinished(row("ben", RowStatus.UNREADABLE), false, Duration.ZERO);
        bar.close();
        String last;
        synchronized (frames) {
            last = frames.get(frames.size() - 1);
        }

        assertTrue(early.contains("0/2") && early.contains("ann on alpha (1/2)"), early);
        assertTrue(last.contains("2/2") && last.contains("1 graded, 1 unreadable archive"), last);
    }

    /** The frame drawn now (the bar also redraws on its own clock, which this test does not wait for). */
    private static String lastFrame(List<String> frames, Progress bar) {
        bar.refresh();
        synchronized (frames) {
            return frames.get(frames.size() - 1);
        }
    }
}
