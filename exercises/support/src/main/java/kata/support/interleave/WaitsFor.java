package kata.support.interleave;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import kata.support.agent.internal.Sites;
import kata.support.threads.Deadlocks;

/**
 * The waits-for graph of a run, read from the model: who holds which monitor or lock and who waits
 * for whom. It tells a deadlock (a cycle) from a thread stuck for another reason (a wake-up that
 * never comes), and describes either for a student: who holds what, who waits for what, where.
 */
final class WaitsFor {

    private WaitsFor() {
    }

    /** Under the run's lock, when no actor can run and none waits with a deadline. */
    static Failure noneCanRun(Run run) {
        List<Actor> cycle = cycle(run);
        if (!cycle.isEmpty()) {
            List<String> lines = new ArrayList<>();
            for (Actor actor : cycle) {
                lines.add(describeHolding(run, actor));
            }
            return Failure.deadlock(String.join("\n", lines));
        }
        return Failure.stuck(describeAll(run));
    }

    /** The actor that {@code actor} waits for, or null when it waits for no one in particular. */
    static Actor waitsFor(Run run, Actor actor) {
        Wait wait = actor.wait;
        if (wait instanceof Wait.MonitorEntry entry) {
            return run.monitors.owner(entry.monitor());
        }
        if (wait instanceof Wait.MonitorWait monitorWait && monitorWait.notified) {
            return run.monitors.owner(monitorWait.monitor);
        }
        if (wait instanceof Wait.Join join) {
            return join.target().done ? null : join.target();
        }
        if (wait instanceof Wait.Park park) {
            Thread owner = Blockers.exclusiveOwner(park.blocker());
            return owner == null ? null : actorOf(run, owner);
        }
        return null;
    }

    private static List<Actor> cycle(Run run) {
        for (Actor start : run.actors()) {
            List<Actor> path = new ArrayList<>();
            Actor at = start;
            while (at != null && !at.done && at.wait != null && !path.contains(at)) {
                path.add(at);
                at = waitsFor(run, at);
            }
            if (at != null && path.contains(at)) {
                return path.subList(path.indexOf(at), path.size());
            }
        }
        return List.of();
    }

    private static Actor actorOf(Run run, Thread thread) {
        for (Actor actor : run.actors()) {
            if (actor.thread == thread) {
                return actor;
            }
        }
        return null;
    }

    /** Every actor that has not ended: what it holds and what it waits for, or where it runs. */
    static String describeAll(Run run) {
        List<String> lines = new ArrayList<>();
        for (Actor actor : run.actors()) {
            if (!actor.done) {
                lines.add(actor.wait == null ? describeRunning(actor) : describeHolding(run, actor));
            }
        }
        return String.join("\n", lines);
    }

    /** The actors that can run (for a test waiting for the others to settle). */
    static String describeRunning(Run run) {
        List<String> lines = new ArrayList<>();
        for (Actor actor : run.actors()) {
            if (!actor.done && actor.wait == null) {
                lines.add(describeRunning(actor));
            }
        }
        return String.join("\n", lines);
    }

    /** One actor that had to wait: what it holds, what it waits for and where. */
    static String describe(Run run, Actor actor) {
        return describeHolding(run, actor);
    }

    /** Where an actor is: its current site, or its stack's student line. */
    static String where(Run run, Actor actor, int site) {
        String at = site >= 0 ? Sites.get(site).location() : Deadlocks.where(actor.thread.getStackTrace());
        return "  \"" + actor.name + "\" at " + at;
    }

    private static String describeRunning(Actor actor) {
        return "  \"" + actor.name + "\" is running at " + Deadlocks.where(actor.thread.getStackTrace());
    }

    private static String describeHolding(Run run, Actor actor) {
        Set<String> held = new LinkedHashSet<>();
        for (Object monitor : run.monitors.heldBy(actor)) {
            int site = run.monitors.lockedAt(monitor);
            held.add(Blockers.name(run, monitor) + (site < 0 ? "" : " (locked at " + Sites.get(site).location() + ")"));
        }
        held.addAll(Blockers.locksOwnedBy(run, actor));
        String holds = held.isEmpty() ? " " : " holds " + String.join(" and ", held) + "\n    and ";
        return "  \"" + actor.name + "\"" + holds + waiting(run, actor);
    }

    private static String waiting(Run run, Actor actor) {
        Wait wait = actor.wait;
        String at = Deadlocks.where(actor.thread.getStackTrace());
        Actor other = waitsFor(run, actor);
        String heldBy = other == null ? "" : ", held by \"" + other.name + "\"";
        if (wait instanceof Wait.MonitorEntry entry) {
            return "waits for " + Blockers.name(run, entry.monitor()) + " at " + Sites.get(entry.site()).location()
                    + heldBy;
        }
        if (wait instanceof Wait.MonitorWait monitorWait) {
            String where = monitorWait.site >= 0 ? Sites.get(monitorWait.site).location() : at;
            return monitorWait.notified
                    ? "was notified in wait() at " + where + " and waits to take " + Blockers.name(run,
                    monitorWait.monitor) + " back" + heldBy
                    : "waits in wait() on " + Blockers.name(run, monitorWait.monitor) + " at " + where
                    + " for a notify that never comes";
        }
        if (wait instanceof Wait.Park park) {
            return "waits for " + Blockers.describe(run, park.blocker()) + " at " + at + heldBy;
        }
        if (wait instanceof Wait.Join join) {
            return "waits in join() at " + at + " for \"" + join.target().name + "\" to end";
        }
        if (wait instanceof Wait.Sleep) {
            return "sleeps at " + at;
        }
        return "waits at " + at;
    }
}
