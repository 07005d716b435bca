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

    // Most executions are short and succeed: start small, grow up to the ring's capacity.
    private int[] workers = new int[64];
    private int[] sites = new int[64];
    private int[] monitors = new int[64];
    private String[] monitorClasses = new String[64];
    private long count;

    synchronized void record(int worker, int site, Object monitor) {
        if (count == workers.length && workers.length < CAPACITY) {
            int size = workers.length * 2;
            workers = java.util.Arrays.copyOf(workers, size);
            sites = java.util.Arrays.copyOf(sites, size);
            monitors = java.util.Arrays.copyOf(monitors, size);
            monitorClasses = java.util.Arrays.copyOf(monitorClasses, size);
        }
        int slot = (int) (count % workers.length);
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
        long first = Math.max(0, count - workers.length);
        String previous = null;
        int repeats = 0;
        int nameWidth = all.stream().mapToInt(w -> w.name.length()).max().orElse(8);
        for (long i = first; i < count; i++) {
            int slot = (int) (i % workers.length);
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
