package kata.grader.batch;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Locale;
import kata.grader.Grader;
import kata.grader.classresults.StudentRow;
import kata.support.score.ExerciseResult;
import kata.support.score.ExerciseStatus;
import kata.grader.scorecards.Points;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarConsumer;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Tells the instructor how a batch goes, from its start: on a terminal, a bar redrawn every
 * second with the entries done, the counts in the summary's words, what each worker is grading
 * and the time left; elsewhere (CI logs, files) one plain line when an entry starts and when it
 * ends. Workers report katas through {@link Grader.Listener}.
 */
public abstract class Progress implements Grader.Listener {

    final ProgressModel model;

    private Progress(ProgressModel model) {
        this.model = model;
    }

    /** A bar on a terminal (this stream), redrawn in place. */
    public static Progress bar(PrintStream terminal) {
        return bar(new ConsoleProgressBarConsumer(terminal), new ProgressModel(System::nanoTime), 1000);
    }

    static Progress bar(ProgressBarConsumer consumer, ProgressModel model, int redrawMillis) {
        return new Bar(consumer, model, redrawMillis);
    }

    /** One line per entry started and finished, for logs. */
    public static Progress lines(PrintWriter out) {
        return lines(out, new ProgressModel(System::nanoTime));
    }

    static Progress lines(PrintWriter out, ProgressModel model) {
        return new Lines(out, model);
    }

    /** Nothing at all. */
    public static Progress silent() {
        return new Progress(new ProgressModel(System::nanoTime)) {
        };
    }

    void start(Map<String, Set<String>> toGrade, int kept, List<String> katas, int jobs) {
        model.start(toGrade, kept, katas, jobs);
        started();
    }

    void entryStarted(String entry) {
        model.entryStarted(entry);
        changed();
    }


    @Override
    public void exerciseStarted(String submissionId, String slug) {
        model.kataStarted(submissionId, slug);
        changed();
    }

    @Override
    public void exerciseFinished(String submissionId, ExerciseResult result, Duration took) {
        model.kataFinished(submissionId, result.slug(), result.status() != ExerciseStatus.NOT_SUBMITTED, took);
        changed();
    }

    void entryFinished(StudentRow row, boolean kept, Duration took) {
        model.entryFinished(row, kept);
        finished(row, kept, took);
    }

    /** The batch is over (also when it failed): the display is left tidy. */
    void close() {
    }

    /** Draws the display now, whatever its own clock says. */
    void refresh() {
    }

    void started() {
    }

    void changed() {
    }

    void finished(StudentRow row, boolean kept, Duration took) {
    }

    /** "ETA 1m05s", or what is known so far. */
    String eta() {
        return model.eta().map(d -> "ETA " + ProgressModel.duration(d)).orElse("ETA after the first kata");
    }

    private static final class Bar extends Progress {
        private final ProgressBar bar;

        Bar(ProgressBarConsumer consumer, ProgressModel model, int redrawMillis) {
            super(model);
            this.bar = new ProgressBarBuilder().setTaskName("Grading").setInitialMax(0)
                    .setStyle(ProgressBarStyle.ASCII).setConsumer(consumer).setUpdateIntervalMillis(redrawMillis)
                    .continuousUpdate().setSpeedUnit(ChronoUnit.MINUTES).setUnit(" entries", 1)
                    .setEtaFunction(state -> model.eta()).build();
        }

        @Override
        void started() {
            bar.maxHint(model.total());
            bar.stepTo(model.done());
            bar.setExtraMessage(message());
        }

        @Override
        void changed() {
            bar.setExtraMessage(message());
        }

        @Override
        void finished(StudentRow row, boolean kept, Duration took) {
            bar.stepTo(model.done());
            bar.setExtraMessage(message());
        }

        private String message() {
            String now = model.now();
            return model.counts() + (now.isEmpty() ? "" : " | " + now);
        }

        @Override
        void refresh() {
            bar.refresh();
        }

        @Override
        void close() {
            bar.setExtraMessage(model.counts());
            bar.close();
        }
    }

    private static final class Lines extends Progress {
        private final PrintWriter out;

        Lines(PrintWriter out, ProgressModel model) {
            super(model);
            this.out = out;
        }

        @Override
        void started() {
            out.println(model.plan());
            out.flush();
        }

        @Override
        void entryStarted(String entry) {
            super.entryStarted(entry);
            out.println(String.format(Locale.ROOT, "[%d/%d] %s: grading", model.done(), model.total(), entry));
            out.flush();
        }

        @Override
        void finished(StudentRow row, boolean kept, Duration took) {
            String result = row.card() == null ? row.status().words()
                    : Points.text(row.card().score()) + "/" + Points.text(row.card().maxScore()) + " "
                    + row.status().words();
            out.println(String.format(Locale.ROOT, "[%d/%d] %s %s %s  (%s; %s)", model.done(), model.total(),
                    row.entry(), result, kept ? "(unchanged, kept)" : "(" + ProgressModel.duration(took) + ")",
                    model.counts(), eta()));
            out.flush();
        }
    }
}
