package open;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

public class Open {

    /** Planted by the test, outside every folder the test JVM is given. */
    public String probe() throws Exception {
        try {
            return Files.readString(Path.of("/tmp/kata-redteam-host-secret.txt"));
        } catch (NoSuchFileException e) {
            return "contained";
        }
    }
}
