package kata.support.interleave;

import java.util.ArrayList;
import java.util.List;
import kata.support.agent.Site;
import kata.support.agent.Sites;
import kata.support.threads.LockNames;

/** The steps of one execution, kept in a ring of the most recent ones, rendered for students. */
final class Trace {

    private static final int CAPACITY = 4096;
    private static final int SHOWN = 30;

    private final int[] workers = new int[CAPACITY];
    private final int[] sites = new int[CAPACITY];
    private final int[] monitors = new int[CAPACITY];
    private final String[] monitorClasses = new String[CAPACITY];
    private long count;

    synchronized void record(int worker, int site, Object monitor) {
        int slot = (int) (count % CAPACITY);
        workers[slot] = worker;
        sites[slot] = site;
        monitors[slot] = monitor == null ? 0 : System.identityHashCode(monitor);
        monitorClasses[slot] = monitor == null ? null : monitor.getClass().getName();
        count++;
    }

    synchronized long steps() {
        return count;
    }

    /** The last steps, one line each, consecutive repeats folded; empty when nothing was recorded. */
    synchronized String render(List<Worker> all, LockNames names) {
        List<String> lines = new ArrayList<>();
        long first = Math.max(0, count - CAPACITY);
        String previous = null;
        int repeats = 0;
        int nameWidth = all.stream().mapToInt(w -> w.name.length()).max().orElse(8);
        for (long i = first; i < count; i++) {
            int slot = (int) (i % CAPACITY);
            Site site = Sites.get(sites[slot]);
            if (site.kind() == Site.Kind.RETURNED || site.kind() == Site.Kind.LOCKED) {
                continue;
            }
            String target = site.kind() == Site.Kind.LOCK
                    ? names.name(monitorClasses[slot], monitors[slot]) : site.target();
            String line = String.format("  %-" + nameWidth + "s  %s %s", all.get(workers[slot]).name,
                    site.kind().verb(), target);
            line = String.format("%-60s %s", line, site.location());
            if (line.equals(previous)) {
                repeats++;
                continue;
            }
            flush(lines, previous, repeats);
            previous = line;
            repeats = 0;
        }
        flush(lines, previous, repeats);
        if (lines.size() > SHOWN) {
            int hidden = lines.size() - SHOWN;
            List<String> tail = new ArrayList<>(lines.subList(hidden, lines.size()));
            tail.add(0, "  ... " + hidden + " earlier steps");
            lines = tail;
        }
        return String.join("\n", lines);
    }

    private static void flush(List<String> lines, String line, int repeats) {
        if (line != null) {
            lines.add(repeats == 0 ? line : line + "   (x" + (repeats + 1) + ")");
        }
    }
}
