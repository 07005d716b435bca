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
    Worker atPoint(Worker running, List<Worker> ready);

    /** The running worker blocked or finished: choose among the ready ones (never empty). */
    Worker choose(List<Worker> ready);
}
