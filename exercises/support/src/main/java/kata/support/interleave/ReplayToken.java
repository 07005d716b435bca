package kata.support.interleave;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Names one schedule of one scenario, so that a student can run exactly that schedule again
 * ({@code -Dkata.replay=<token>}) and watch it in a debugger. An exhaustive schedule is its
 * non-default choices (position.choice) under the preemption bound; a random one is its seed; one
 * that preempts a thread at every step is that thread's position and the steps the others take
 * (kept in {@code bound} and {@code seed}). The scenario's fingerprint (its thread names) keeps a
 * token from replaying in another scenario.
 */
record ReplayToken(String fingerprint, Kind kind, int bound, List<int[]> choices, long seed) {

    enum Kind { EXHAUSTIVE, RANDOM, EVERY_STEP }

    /** The system property that holds a token to replay. */
    static final String PROPERTY = "kata.replay";

    static ReplayToken exhaustive(String fingerprint, int bound, List<Integer> chosen) {
        List<int[]> sparse = new ArrayList<>();
        for (int i = 0; i < chosen.size(); i++) {
            if (chosen.get(i) != 0) {
                sparse.add(new int[] {i, chosen.get(i)});
            }
        }
        return new ReplayToken(fingerprint, Kind.EXHAUSTIVE, bound, sparse, 0);
    }

    static ReplayToken random(String fingerprint, long seed) {
        return new ReplayToken(fingerprint, Kind.RANDOM, 0, List.of(), seed);
    }

    static ReplayToken everyStep(String fingerprint, int thread, int steps) {
        return new ReplayToken(fingerprint, Kind.EVERY_STEP, thread, List.of(), steps);
    }

    /** The position of the thread preempted at every step, in the scenario's order. */
    int preemptedThread() {
        return bound;
    }

    /** The steps the other threads take while it is preempted. */
    int steps() {
        return (int) seed;
    }

    /** The scenario's fingerprint: its thread names, in order. */
    static String fingerprint(List<String> threadNames) {
        return Integer.toHexString(String.join("\u0000", threadNames).hashCode());
    }

    /** The choices as a full prefix for {@link Strategies.Replay}. */
    List<Integer> prefix() {
        int length = choices.isEmpty() ? 0 : choices.get(choices.size() - 1)[0] + 1;
        List<Integer> prefix = new ArrayList<>(java.util.Collections.nCopies(length, 0));
        for (int[] choice : choices) {
            prefix.set(choice[0], choice[1]);
        }
        return prefix;
    }

    /** Letters, digits, '-', '.' and '_' only: safe on any command line. */
    String text() {
        if (kind == Kind.RANDOM) {
            return "R-" + fingerprint + "-" + seed;
        }
        if (kind == Kind.EVERY_STEP) {
            return "S-" + fingerprint + "-" + bound + "-" + seed;
        }
        StringBuilder text = new StringBuilder("E-").append(fingerprint).append('-').append(bound).append('-');
        for (int i = 0; i < choices.size(); i++) {
            text.append(i == 0 ? "" : "_").append(choices.get(i)[0]).append('.').append(choices.get(i)[1]);
        }
        return text.toString();
    }

    /** The token in {@code text}, or empty when it is not one (a typo replays nothing: every schedule runs). */
    static Optional<ReplayToken> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String[] parts = text.strip().split("-", -1);
        try {
            if (parts.length == 3 && parts[0].equals("R")) {
                return Optional.of(random(parts[1], Long.parseLong(parts[2])));
            }
            if (parts.length == 4 && parts[0].equals("S")) {
                return Optional.of(everyStep(parts[1], Integer.parseInt(parts[2]), Integer.parseInt(parts[3])));
            }
            if (parts.length == 4 && parts[0].equals("E")) {
                List<int[]> choices = new ArrayList<>();
                if (!parts[3].isEmpty()) {
                    for (String choice : parts[3].split("_")) {
                        String[] pair = choice.split("\\.");
                        choices.add(new int[] {Integer.parseInt(pair[0]), Integer.parseInt(pair[1])});
                    }
                }
                return Optional.of(new ReplayToken(parts[1], Kind.EXHAUSTIVE, Integer.parseInt(parts[2]), choices, 0));
            }
        } catch (RuntimeException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }
}
