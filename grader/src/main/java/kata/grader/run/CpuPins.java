package kata.grader.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Which CPU a test JVM pinned to one CPU runs on. The test JVM sees one CPU whichever it is, so the
 * choice changes no verdict; it decides whether gradings run at once share a CPU while another one
 * idles. Each pinned JVM gets the CPU the fewest pinned JVMs of this grader use now, among the CPUs
 * the grader itself may run on (a container's cpuset may leave out CPU 0).
 */
final class CpuPins {

    private static final List<Integer> ALLOWED = allowed(Path.of("/proc/self/status"));
    private static final int[] IN_USE = new int[ALLOWED.size()];

    /** A CPU taken for one JVM: give it back with {@link #release} once the JVM has ended. */
    record Pin(int cpu, int slot) {
    }

    private CpuPins() {
    }

    static synchronized Pin take() {
        int best = 0;
        for (int slot = 1; slot < IN_USE.length; slot++) {
            if (IN_USE[slot] < IN_USE[best]) {
                best = slot;
            }
        }
        IN_USE[best]++;
        return new Pin(ALLOWED.get(best), best);
    }

    static synchronized void release(Pin pin) {
        IN_USE[pin.slot()]--;
    }

    /** The CPUs in the status file's {@code Cpus_allowed_list} ("0-3,8"); CPU 0 alone when it cannot be read. */
    static List<Integer> allowed(Path status) {
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("Cpus_allowed_list:")) {
                    List<Integer> cpus = parseList(line.substring(line.indexOf(':') + 1).trim());
                    if (!cpus.isEmpty()) {
                        return cpus;
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // Not Linux, or an unexpected format: fall back to the one CPU every machine has.
        }
        return List.of(0);
    }

    static List<Integer> parseList(String list) {
        List<Integer> cpus = new ArrayList<>();
        for (String part : list.split(",")) {
            if (part.isBlank()) {
                continue;
            }
            String[] range = part.trim().split("-");
            int from = Integer.parseInt(range[0]);
            int to = range.length > 1 ? Integer.parseInt(range[1]) : from;
            for (int cpu = from; cpu <= to; cpu++) {
                cpus.add(cpu);
            }
        }
        return List.copyOf(cpus);
    }
}
