package kata.support.interleave;

import java.util.List;

/**
 * Decides which worker runs next. Every decision gets the candidates in a fixed order, so that a
 * schedule can be replayed exactly.
 */
interface Strategy {

    /**
     * At a scheduling point of the running worker: return it to let it continue, or another ready
     * worker (never empty) to preempt it.
     */
    Actor atPoint(Actor running, List<Actor> ready);

    /**
     * The running actor blocked or finished: choose among the ready ones (never empty). The first
     * is the default (the next one after the actor that stopped, round robin); choosing another one
     * delays it, which an exhaustive search counts like a preemption (delay bounding).
     */
    Actor choose(List<Actor> ready);

    /** A choice the JVM makes (whom {@code notify()} wakes): explored in full, at no cost. */
    default Actor wake(List<Actor> waiters) {
        return choose(waiters);
    }

    /**
     * A yes-or-no choice the JVM makes (had an interrupted waiter left the wait set before a notify
     * came?): explored in full, at no cost. The default is no.
     */
    default boolean either() {
        return false;
    }
}
