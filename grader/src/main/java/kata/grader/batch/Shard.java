package kata.grader.batch;

import java.util.ArrayList;
import java.util.List;

/**
 * Part {@code index} of {@code count} (1-based, as {@code --shard 2/3}): every {@code count}-th
 * item of a sorted list, starting at the {@code index}-th. Every shard sees the same sorted list,
 * so together they take each item exactly once, with sizes that differ by one at most.
 */
public record Shard(int index, int count) {

    public static final Shard ALL = new Shard(1, 1);

    public Shard {
        if (count < 1 || index < 1 || index > count) {
            throw new IllegalArgumentException("a shard is i/n with 1 <= i <= n, not " + index + "/" + count);
        }
    }

    /** @throws IllegalArgumentException unless the text is {@code i/n} */
    public static Shard parse(String text) {
        String[] parts = text.strip().split("/");
        try {
            if (parts.length == 2) {
                return new Shard(Integer.parseInt(parts[0].strip()), Integer.parseInt(parts[1].strip()));
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("--shard takes i/n (e.g. 2/3), not '" + text + "'");
    }

    public <T> List<T> of(List<T> sorted) {
        List<T> mine = new ArrayList<>();
        for (int i = index - 1; i < sorted.size(); i += count) {
            mine.add(sorted.get(i));
        }
        return mine;
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
