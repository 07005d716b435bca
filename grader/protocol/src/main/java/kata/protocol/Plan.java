package kata.protocol;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the grader writes on the runner's standard input: the nonce on the first line, then one line
 * per check ({@code check <TAB> id <TAB> selector <TAB> limit in ms <TAB> scheduled}) and one per class file of the
 * checks ({@code class <TAB> binary name <TAB> Base64 bytes}), so that no file of the checks exists
 * where student code runs.
 *
 * @param nonce   the prefix of the runner's messages ({@link LineCodec})
 * @param checks  the checks in the order to run them
 * @param classes the checks' class files by binary name
 */
public record Plan(String nonce, List<PlannedCheck> checks, Map<String, byte[]> classes) {

    public Plan {
        checks = List.copyOf(checks);
        classes = Map.copyOf(classes);
    }

    /** The runner's whole standard input. */
    public String encode() {
        StringBuilder input = new StringBuilder(nonce).append('\n');
        for (PlannedCheck check : checks) {
            input.append("check\t").append(check.id()).append('\t').append(check.selector()).append('\t')
                    .append(check.limitMillis()).append('\t').append(check.scheduled()).append('\n');
        }
        classes.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(file -> input.append("class\t")
                .append(file.getKey()).append('\t').append(Base64.getEncoder().encodeToString(file.getValue()))
                .append('\n'));
        return input.toString();
    }

    /** Reads a plan to its end; lines of neither kind are skipped. */
    public static Plan read(BufferedReader input) throws IOException {
        String nonce = input.readLine();
        List<PlannedCheck> checks = new ArrayList<>();
        Map<String, byte[]> classes = new HashMap<>();
        String line;
        while ((line = input.readLine()) != null) {
            String[] parts = line.split("\t");
            if (parts.length == 5 && parts[0].equals("check")) {
                checks.add(new PlannedCheck(parts[1], parts[2], Long.parseLong(parts[3]),
                        Boolean.parseBoolean(parts[4])));
            } else if (parts.length == 3 && parts[0].equals("class")) {
                classes.put(parts[1], Base64.getDecoder().decode(parts[2]));
            }
        }
        return new Plan(nonce, checks, classes);
    }
}
