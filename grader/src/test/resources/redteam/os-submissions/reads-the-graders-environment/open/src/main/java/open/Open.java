package open;

import java.util.Set;
import java.util.TreeSet;

public class Open {

    public String probe() {
        Set<String> names = new TreeSet<>(System.getenv().keySet());
        // bubblewrap sets PWD to the folder it starts the JVM in
        names.removeAll(Set.of("LANG", "TZ", "PWD"));
        return names.isEmpty() ? "contained" : "inherited " + names;
    }
}
