package kata.support.interleave;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** The two ways of choosing schedules: exhaustive with bounded preemptions, and seeded random. */
final class Strategies {

    private Strategies() {
    }

    /** Switches at each point with a fixed probability, from a fixed seed: reproducible. */
    static final class Random implements Strategy {
        private final SplittableRandom random;
        private final double switchProbability;

        Random(long seed, double switchProbability) {
            this.random = new SplittableRandom(seed);
            this.switchProbability = switchProbability;
        }

        @Override
        public Worker atPoint(Worker running, List<Worker> ready) {
            if (random.nextDouble() < switchProbability) {
                return choose(ready);
            }
            return running;
        }

        @Override
        public Worker choose(List<Worker> ready) {
            return ready.get(random.nextInt(ready.size()));
        }
    }

    /**
     * Depth-first enumeration of every schedule with at most {@code bound} preemptions (switches
     * away from a thread that could have continued), as in CHESS's context bounding: most
     * concurrency bugs need only one or two.
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

    /** Replays a prefix of choices, then takes the default (keep running, lowest ready) each time. */
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
        public Worker atPoint(Worker running, List<Worker> ready) {
            boolean canPreempt = preemptions < bound;
            int options = canPreempt ? ready.size() + 1 : 1;
            int index = pick(options);
            decisions.add(new Decision(options, index, true, preemptions));
            if (index == 0) {
                return running;
            }
            preemptions++;
            return ready.get(index - 1);
        }

        @Override
        public Worker choose(List<Worker> ready) {
            int index = pick(ready.size());
            decisions.add(new Decision(ready.size(), index, false, preemptions));
            return ready.get(index);
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
