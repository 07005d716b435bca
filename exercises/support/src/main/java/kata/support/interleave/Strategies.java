package kata.support.interleave;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The ways of choosing schedules: every schedule within a preemption bound, seeded random, one thread
 * preempted at every step, and one fixed.
 */
final class Strategies {

    private Strategies() {
    }

    /**
     * Never preempts; when the running thread blocks or ends, the longest-registered ready thread
     * goes on. For checks that drive their threads themselves (the test waits until the others
     * settle, lets time pass, looks): one schedule, the same on every run.
     */
    static final class InOrder implements Strategy {
        @Override
        public Actor atPoint(Actor running, List<Actor> ready) {
            return running;
        }

        @Override
        public Actor choose(List<Actor> ready) {
            return ready.get(0);
        }
    }

    /** Switches at each point with a fixed probability, from a fixed seed: reproducible. */
    static final class Random implements Strategy {
        private final long seed;
        private final SplittableRandom random;
        private final double switchProbability;

        Random(long seed, double switchProbability) {
            this.seed = seed;
            this.random = new SplittableRandom(seed);
            this.switchProbability = switchProbability;
        }

        long seed() {
            return seed;
        }

        @Override
        public Actor atPoint(Actor running, List<Actor> ready) {
            if (random.nextDouble() < switchProbability) {
                return choose(ready);
            }
            return running;
        }

        @Override
        public Actor choose(List<Actor> ready) {
            return ready.get(random.nextInt(ready.size()));
        }

        @Override
        public boolean either() {
            return random.nextBoolean();
        }
    }

    /**
     * Preempts one thread at every one of its scheduling points; the other threads then take
     * {@code steps} scheduling points (fewer when they block or end) before it goes on. Whatever the
     * number of points the others' operation spans, with {@code steps} at least that many every
     * stretch of the preempted thread between two of its points sees one whole operation of theirs:
     * a thread that retries after interference is interfered with at every attempt.
     */
    static final class EveryStep implements Strategy {
        private final String preempted;
        private final int steps;
        /** Points the other threads still take before the preempted thread goes on. */
        private int owed;

        EveryStep(String preempted, int steps) {
            this.preempted = preempted;
            this.steps = steps;
        }

        String preempted() {
            return preempted;
        }

        int steps() {
            return steps;
        }

        @Override
        public Actor atPoint(Actor running, List<Actor> ready) {
            if (running.name.equals(preempted)) {
                owed = steps;
                return ready.get(0);
            }
            Actor back = find(ready);
            return --owed > 0 || back == null ? running : back;
        }

        @Override
        public Actor choose(List<Actor> ready) {
            // Another thread blocked or ended: the preempted one goes on. When it blocked itself, the
            // others run until it can go on.
            Actor back = find(ready);
            if (back == null) {
                return ready.get(0);
            }
            owed = 0;
            return back;
        }

        private Actor find(List<Actor> ready) {
            for (Actor actor : ready) {
                if (actor.name.equals(preempted)) {
                    return actor;
                }
            }
            return null;
        }
    }

    /**
     * Depth-first enumeration of every schedule with at most {@code bound} preemptions (switches
     * away from a thread that could have continued, as in CHESS's context bounding) or delays (when a
     * thread blocks, running another than the next one in round-robin order, as in delay bounding):
     * most concurrency bugs need only one or two. Whom {@code notify()} wakes is explored in full.
     */
    static final class Exhaustive {
        private final int bound;
        private List<Decision> previous;

        Exhaustive(int bound) {
            this.bound = bound;
        }

        /** The next schedule to run, or null when all schedules within the bound were run. */
        Replay next() {
            if (previous == null) {
                return new Replay(List.of(), bound);
            }
            for (int i = previous.size() - 1; i >= 0; i--) {
                Decision decision = previous.get(i);
                int alternative = decision.chosen() + 1;
                if (alternative >= decision.options()) {
                    continue;
                }
                int cost = decision.preemptive() ? 1 : 0;
                if (decision.preemptionsBefore() + cost > bound) {
                    continue;
                }
                List<Integer> prefix = new ArrayList<>(i + 1);
                for (int j = 0; j < i; j++) {
                    prefix.add(previous.get(j).chosen());
                }
                prefix.add(alternative);
                return new Replay(prefix, bound);
            }
            return null;
        }

        void ran(Replay replay) {
            previous = replay.decisions;
        }
    }

    /** One choice: how many options there were, which was taken, and what it cost. */
    record Decision(int options, int chosen, boolean preemptive, int preemptionsBefore) {
    }

    /**
     * Replays a prefix of choices, then takes the default (keep running, lowest ready) each time.
     * Only choices with more than one option are recorded: the same prefix leads to the same
     * sequence of them.
     */
    static final class Replay implements Strategy {
        private final List<Integer> prefix;
        private final int bound;
        private final List<Decision> decisions = new ArrayList<>();
        private int preemptions;

        Replay(List<Integer> prefix, int bound) {
            this.prefix = prefix;
            this.bound = bound;
        }

        @Override
        public Actor atPoint(Actor running, List<Actor> ready) {
            if (preemptions >= bound) {
                return running;
            }
            int options = ready.size() + 1;
            int index = pick(options);
            decisions.add(new Decision(options, index, true, preemptions));
            if (index == 0) {
                return running;
            }
            preemptions++;
            return ready.get(index - 1);
        }

        @Override
        public Actor choose(List<Actor> ready) {
            if (ready.size() == 1 || preemptions >= bound) {
                return ready.get(0);
            }
            int index = pick(ready.size());
            decisions.add(new Decision(ready.size(), index, true, preemptions));
            if (index > 0) {
                preemptions++;
            }
            return ready.get(index);
        }

        @Override
        public Actor wake(List<Actor> waiters) {
            if (waiters.size() == 1) {
                return waiters.get(0);
            }
            int index = pick(waiters.size());
            decisions.add(new Decision(waiters.size(), index, false, preemptions));
            return waiters.get(index);
        }

        @Override
        public boolean either() {
            int index = pick(2);
            decisions.add(new Decision(2, index, false, preemptions));
            return index == 1;
        }

        /** The choice taken at each decision, in order. */
        List<Integer> chosen() {
            return decisions.stream().map(Decision::chosen).toList();
        }

        private int pick(int options) {
            int position = decisions.size();
            if (position < prefix.size()) {
                int wanted = prefix.get(position);
                return wanted < options ? wanted : 0;
            }
            return 0;
        }
    }
}
