package kata.grader.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CpuPinsTest {

    @Test
    void readsTheCpusTheProcessMayRunOnIncludingRanges(@TempDir Path dir) throws IOException {
        Path status = Files.writeString(dir.resolve("status"), "Name:\tjava\nCpus_allowed:\tf0\n"
                + "Cpus_allowed_list:\t2-3,8\nMems_allowed_list:\t0\n");
        assertEquals(List.of(2, 3, 8), CpuPins.allowed(status));
    }

    @Test
    void fallsBackToCpuZeroWhenTheListCannotBeRead(@TempDir Path dir) throws IOException {
        assertEquals(List.of(0), CpuPins.allowed(dir.resolve("missing")));
        assertEquals(List.of(0), CpuPins.allowed(Files.writeString(dir.resolve("odd"), "Cpus_allowed_list:\tx-y\n")));
    }

    @Test
    void pinnedJvmsRunningAtOnceGetDifferentCpusWhileThereAreFreeOnes() {
        List<Integer> allowed = CpuPins.allowed(Path.of("/proc/self/status"));
        CpuPins.Pin first = CpuPins.take();
        CpuPins.Pin second = CpuPins.take();
        try {
            if (allowed.size() > 1) {
                assertNotEquals(first.cpu(), second.cpu());
            } else {
                assertEquals(first.cpu(), second.cpu());
            }
        } finally {
            CpuPins.release(first);
            CpuPins.release(second);
        }
        CpuPins.Pin again = CpuPins.take();
        CpuPins.release(again);
        assertEquals(first.cpu(), again.cpu(), "a released CPU is free again");
    }
}
