package open;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

public class Open {

    /** In a process namespace of its own the JVM sees the sandbox's first process and itself. */
    public String probe() throws Exception {
        try (Stream<Path> entries = Files.list(Path.of("/proc"))) {
            long processes = entries.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .count();
            return processes <= 3 ? "contained" : "sees " + processes + " processes";
        }
    }
}
