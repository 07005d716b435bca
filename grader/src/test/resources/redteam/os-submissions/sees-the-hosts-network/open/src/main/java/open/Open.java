package open;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

public class Open {

    public String probe() throws Exception {
        List<String> interfaces = Files.readAllLines(Path.of("/proc/net/dev")).stream().skip(2)
                .map(line -> line.strip().split(":")[0]).toList();
        return interfaces.equals(List.of("lo")) ? "contained" : "sees " + interfaces;
    }
}
