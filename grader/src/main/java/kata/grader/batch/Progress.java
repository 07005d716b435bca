package kata.grader.batch;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;

/**
 * Tells the instructor how a batch goes. On a terminal: one line redrawn in place, with a bar,
 * the count, failures and the time left. Elsewhere (CI logs, files): one plain line per entry.
 * Only the batch's coordinating thread calls it.
 */
public abstract class Progress {

    private static final int BAR_WIDTH = 30;

    protected final PrintWriter out;
    protected int total;
    protected int done;
    protected int failed;
    private int toGrade;
    private int graded;
    private long startNanos;

    private Progress(PrintWriter out) {
        this.out = out;
    }

    /** A redrawn progress bar, for a terminal. */
    public static Progress bar(PrintWriter out) {
        return new Progress(out) {
            @Override
            protected void show(Row row, boolean reused, Duration took) {
                out.print("\r" + line() + "\u001b[K");
                if (done == total) {
                    out.println();
                }
                out.flush();
            }
        };
    }

    /** One line per finished entry, for logs. */
    public static Progress lines(PrintWriter out) {
        return new Progress(out) {
            @Override
            protected void show(Row row, boolean reused, Duration took) {
                String result = row.card() == null ? row.status().label()
                        : Summary.points(row.card().score()) + "/" + Summary.points(row.card().maxScore())
                        + (row.status() == Row.Status.GRADED ? "" : " " + row.status().label());
                out.println(String.format(Locale.ROOT, "[%d/%d] %s %s %s", done, total, row.entry(), result,
                        reused ? "(unchanged, kept)" : "(" + seconds(took) + ")"));
                out.flush();
            }
        };
    }

    /** Nothing at all. */
    public static Progress silent() {
        return new Progress(new PrintWriter(java.io.Writer.nullWriter())) {
            @Override
            protected void show(Row row, boolean reused, Duration took) {
            }
        };
    }

    final void start(int entries, int unchanged) {
        total = entries;
        toGrade = entries - unchanged;
        startNanos = System.nanoTime();
    }

    final void finished(Row row, boolean reused, Duration took) {
        done++;
        if (!reused) {
            graded++;
        }
        if (row.failed()) {
            failed++;
        }
        show(row, reused, took);
    }

    protected abstract void show(Row row, boolean reused, Duration took);

    /** {@code [#####.....] 12/40  2 failed  ETA 1m05s}. */
    protected String line() {
        int filled = total == 0 ? BAR_WIDTH : BAR_WIDTH * done / total;
        return "[" + "#".repeat(filled) + ".".repeat(BAR_WIDTH - filled) + "] " + done + "/" + total + "  " + failed
                + " failed  " + (done == total ? "done in " + seconds(elapsed()) : "ETA " + eta());
    }

    private Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    /**
     * Time left at the pace of the entries graded so far; unknown until one is. The largest
     * entries go first, so it errs long rather than short.
     */
    private String eta() {
        if (graded == 0) {
            return "--";
        }
        long left = elapsed().toMillis() * (toGrade - graded) / graded;
        return seconds(Duration.ofMillis(left));
    }

    static String seconds(Duration duration) {
        long s = duration.toSeconds();
        return s >= 60 ? s / 60 + "m" + String.format(Locale.ROOT, "%02d", s % 60) + "s"
                : String.format(Locale.ROOT, "%.1fs", duration.toMillis() / 1000.0);
    }
}
