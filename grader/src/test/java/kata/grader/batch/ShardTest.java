package kata.grader.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ShardTest {

    @Test
    void theShardsOfOneRunTakeEveryEntryExactlyOnceWithSizesWithinOne() {
        List<String> entries = IntStream.range(0, 41).mapToObj(i -> String.format("s%02d", i)).toList();

        List<String> union = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            List<String> part = Shard.parse(i + "/4").of(entries);
            union.addAll(part);
            sizes.add(part.size());
        }

        assertEquals(entries, union.stream().sorted().toList());
        assertTrue(sizes.stream().mapToInt(Integer::intValue).max().getAsInt()
                - sizes.stream().mapToInt(Integer::intValue).min().getAsInt() <= 1, sizes.toString());
    }

    @Test
    void aShardIsTheSameOnEveryCall() {
        List<String> entries = List.of("a", "b", "c", "d", "e");

        assertEquals(List.of("b", "e"), new Shard(2, 3).of(entries));
        assertEquals(new Shard(2, 3).of(entries), Shard.parse(" 2 / 3 ").of(entries));
    }

    @Test
    void malformedShardsAreRejectedWithTheExpectedForm() {
        for (String text : List.of("0/3", "4/3", "3", "a/b", "1/0")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Shard.parse(text));
            assertTrue(e.getMessage().contains("i/n") || e.getMessage().contains("1 <= i <= n"), e.getMessage());
        }
    }
}
