package kata.support.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import kata.support.fixtures.Counters;
import kata.support.interleave.InterleavingFailure;
import kata.support.interleave.Interleavings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The page of a failing schedule: a lane per thread, every step with its line, the last one marked. */
class InterleavingPageIT {

    private static InterleavingFailure lostUpdate() {
        return assertThrows(InterleavingFailure.class, () -> Interleavings.everySchedule()
                .given(Counters.Plain::new)
                .thread("worker-1", Counters.Counter::increment)
                .thread("worker-2", Counters.Counter::increment)
                .check(c -> assertEquals(2, c.get(), "two increments")));
    }

    @Test
    void showsEachThreadInALaneWithEveryStepAndItsSourceLine(@TempDir Path target) throws Exception {
        InterleavingFailure failure = lostUpdate();

        Path page = InterleavingPage.write(target, "lost-update", "Two increments make 2", failure).orElseThrow();
        String html = Files.readString(page);

        assertEquals(target.resolve("kata-interleavings/lost-update.html"), page);
        assertTrue(html.contains("<th>worker-1</th><th>worker-2</th>"), html);
        assertTrue(html.contains("reads Plain.value") && html.contains("writes Plain.value"), html);
        assertTrue(html.contains("Counters.java:"), html);
        assertTrue(html.contains("<tr class=\"broke\">"), html);
        assertTrue(html.contains("kata.replay=" + failure.replayToken().orElseThrow()), html);
        assertEquals(failure.interleaving().steps().size(), html.split("<tr", -1).length - 2, "one row per step, plus the header");
    }

    @Test
    void findsTheScheduleBehindACheckThatFailedWithAMessageOfItsOwn() {
        InterleavingFailure failure = lostUpdate();
        AssertionError own = new AssertionError("Two workers each added 1, the total is 1", failure);

        assertEquals(failure, InterleavingFailure.in(own).orElseThrow());
    }
}
