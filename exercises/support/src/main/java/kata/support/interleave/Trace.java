package kata.support.interleave;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import kata.support.agent.internal.Site;
import kata.support.agent.internal.Sites;
import kata.support.score.Schedule;
import kata.support.threads.LockNames;

/**
 * The steps of one run, kept in a ring of the most recent ones and rendered for students: one line
 * per step of a thread with its source line, and the moments a thread starts, waits, ends, or time
 * passes.
 */
final class Trace {

    /** What happened at a step that is not a student's site. */
    enum Event { STARTS, ENDS, BLOCKS, TIME, INTERRUPTS, LEAVES_WAIT_SET }

    private static final int CAPACITY = 4096;
    private static final int SHOWN = 30;
    private static final int NO_SITE = -1;

    // Most runs are short and succeed: start small, grow up to the ring's capacity.
    private int[] actors = new int[64];
    private int[] sites = new int[64];
    /** The event for steps without a site; the other actor of STARTS and INTERRUPTS. */
    private int[] events = new int[64];
    private long[] values = new long[64];
    private String[] objects = new String[64];
    private long count;

    /** A step of the student's code at a site. */
    synchronized void step(int actor, int site) {
        add(actor, site, -1, 0, null);
    }

    /** The actor took a monitor at a site (the monitor is named when rendered). */
    synchronized void locked(int actor, int site, Object monitor) {
        add(actor, site, -1, 0, describe(monitor));
    }

    /** The actor calls wait() on a monitor (site -1: inside the JDK, such as TimeUnit.timedWait). */
    synchronized void waits(int actor, int site, Object monitor) {
        if (site >= 0) {
            add(actor, site, -1, 1, describe(monitor));
        }
    }

    synchronized void event(int actor, Event event, int other) {
        add(actor, NO_SITE, event.ordinal(), other, null);
    }

    synchronized void time(long nanos) {
        if (nanos > 0) {
            add(-1, NO_SITE, Event.TIME.ordinal(), nanos, null);
        }
    }

    synchronized long steps() {
        return count;
    }

    private static String describe(Object monitor) {
        return monitor.getClass().getName() + "@" + System.identityHashCode(monitor);
    }

    private void add(int actor, int site, int event, long value, String object) {
        if (count == actors.length && actors.length < CAPACITY) {
            int size = actors.length * 2;
            actors = Arrays.copyOf(actors, size);
            sites = Arrays.copyOf(sites, size);
            events = Arrays.copyOf(events, size);
            values = Arrays.copyOf(values, size);
            objects = Arrays.copyOf(objects, size);
        }
        int slot = (int) (count % actors.length);
        actors[slot] = actor;
        sites[slot] = site;
        events[slot] = event;
        values[slot] = value;
        objects[slot] = object;
        count++;
    }

    /** Every recorded step (up to the ring's capacity), oldest first, consecutive repeats folded. */
    synchronized List<Schedule.Step> steps(List<Actor> all, LockNames names) {
        List<Schedule.Step> steps = new ArrayList<>();
        long first = Math.max(0, count - actors.length);
        for (long i = first; i < count; i++) {
            Schedule.Step step = step((int) (i % actors.length), all, names);
            if (step == null) {
                continue;
            }
            int last = steps.size() - 1;
            Schedule.Step previous = last < 0 ? null : steps.get(last);
            if (previous != null && previous.thread().equals(step.thread()) && previous.action().equals(step.action())
                    && previous.location().equals(step.location())) {
                steps.set(last, new Schedule.Step(step.thread(), step.action(), step.location(), previous.repeats() + 1));
            } else {
                steps.add(step);
            }
        }
        return steps;
    }

    /** The last steps, one line each, consecutive repeats folded; empty when nothing was recorded. */
    synchronized String render(List<Actor> all, LockNames names) {
        List<Schedule.Step> steps = steps(all, names);
        int width = all.stream().mapToInt(a -> a.name.length()).max().orElse(8);
        List<String> lines = new ArrayList<>();
        if (steps.size() > SHOWN) {
            lines.add("  ... " + (steps.size() - SHOWN) + " earlier steps");
        }
        for (Schedule.Step step : steps.subList(Math.max(0, steps.size() - SHOWN), steps.size())) {
            String line = step.thread().isEmpty() ? "  " + step.action()
                    : String.format("  %-" + width + "s  %s", step.thread(), step.action());
            if (!step.location().isEmpty()) {
                line = String.format("%-60s %s", line, step.location());
            }
            lines.add(step.repeats() == 1 ? line : line + "   (x" + step.repeats() + ")");
        }
        return String.join("\n", lines);
    }

    private Schedule.Step step(int slot, List<Actor> all, LockNames names) {
        int site = sites[slot];
        String who = actors[slot] < 0 ? "" : all.get(actors[slot]).name;
        if (site == NO_SITE) {
            Event event = Event.values()[events[slot]];
            return switch (event) {
                case STARTS -> new Schedule.Step(who, "starts thread \"" + all.get((int) values[slot]).name + "\"", "", 1);
                case ENDS -> new Schedule.Step(who, "ends", "", 1);
                case BLOCKS -> null;
                case TIME -> new Schedule.Step("", "(" + duration(values[slot]) + " pass while every thread waits)", "", 1);
                case INTERRUPTS -> new Schedule.Step(who, "interrupts thread \"" + all.get((int) values[slot]).name + "\"", "", 1);
                case LEAVES_WAIT_SET -> new Schedule.Step(who, "(interrupted) leaves the wait set before the notify", "", 1);
            };
        }
        Site at = Sites.get(site);
        String object = objects[slot];
        boolean shownByItsEvent = object == null && (at.kind() == Site.Kind.LOCK
                || (at.kind() == Site.Kind.CALL && at.owner().equals("Object") && at.member().equals("wait")));
        if (at.kind() == Site.Kind.RETURNED || at.kind() == Site.Kind.LOCKED || shownByItsEvent) {
            return null;
        }
        String text;
        if (object != null) {
            int separator = object.lastIndexOf('@');
            String monitor = names.name(object.substring(0, separator), Integer.parseInt(object.substring(separator + 1)));
            text = values[slot] == 1 ? "waits on " + monitor + " (wait())" : "locks " + monitor;
        } else {
            text = at.kind().verb() + " " + at.target();
        }
        return new Schedule.Step(who, text, at.location(), 1);
    }

    private static String duration(long nanos) {
        if (nanos % 1_000_000_000L == 0) {
            return nanos / 1_000_000_000L + " s";
        }
        if (nanos >= 1_000_000L) {
            return String.format("%.3f ms", nanos / 1e6).replaceAll("\\.?0+ ms$", " ms");
        }
        return nanos + " ns";
    }
}
