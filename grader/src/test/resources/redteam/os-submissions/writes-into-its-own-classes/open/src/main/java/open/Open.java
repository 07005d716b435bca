package open;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

public class Open {

    /** The test JVM's command line names the submission's classes; a file written there outlives the JVM. */
    public String probe() throws Exception {
        List<String> arguments = List.of(new String(Files.readAllBytes(Path.of("/proc/self/cmdline")),
                StandardCharsets.UTF_8).split("\0"));
        Path classes = Path.of(arguments.get(arguments.indexOf("kata.runner.RunnerMain") + 1));
        Path planted = classes.resolve("planted-by-a-student.txt");
        try {
            Files.writeString(planted, "tampered");
        } catch (IOException e) {
            return "contained";
        }
        Files.delete(planted);
        return "wrote into " + classes;
    }
}
