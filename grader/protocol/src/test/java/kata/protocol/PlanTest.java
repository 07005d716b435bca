package kata.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlanTest {

    @Test
    void aPlanRoundTrips() throws IOException {
        byte[] bytes = {(byte) 0xca, (byte) 0xfe, 0, 10, 13, '\t'};
        Plan plan = new Plan("feed", List.of(new PlannedCheck("one", "method:kata.x.XTest#one()", 5000, false),
                new PlannedCheck("two", "method:kata.x.XTest#two(int)", 120_000, true)),
                Map.of("kata.x.XTest", bytes, "kata.x.XTest$1", new byte[] {0}));

        Plan read = Plan.read(new BufferedReader(new StringReader(plan.encode())));

        assertEquals("feed", read.nonce());
        assertEquals(plan.checks(), read.checks());
        assertEquals(plan.classes().keySet(), read.classes().keySet());
        assertArrayEquals(bytes, read.classes().get("kata.x.XTest"));
        assertArrayEquals(new byte[] {0}, read.classes().get("kata.x.XTest$1"));
    }

    @Test
    void theNonceComesFirstAndClassesInNameOrder() {
        Plan plan = new Plan("feed", List.of(new PlannedCheck("one", "m", 1000, false)),
                Map.of("b.B", new byte[] {1}, "a.A", new byte[] {2}));

        assertEquals("feed\ncheck\tone\tm\t1000\tfalse\nclass\ta.A\tAg==\nclass\tb.B\tAQ==\n", plan.encode());
    }
}
