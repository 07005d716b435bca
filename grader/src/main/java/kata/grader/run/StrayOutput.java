package kata.grader.run;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The last few KB the test JVM printed outside the protocol: its own messages, such as
 * "Terminating due to java.lang.OutOfMemoryError", go to stdout or stderr. Written by the readers
 * of both streams, read by the diagnosis.
 */
final class StrayOutput {

    private static final int LIMIT = 8 * 1024;

    private final StringBuilder tail = new StringBuilder();

    synchronized void keep(String text) {
        tail.append(text);
        if (tail.length() > LIMIT) {
            tail.delete(0, tail.length() - LIMIT);
        }
    }

    synchronized String text() {
        return tail.toString();
    }

    /** Keeps what the stream holds, to its end. */
    void drain(InputStream stream) {
        byte[] buffer = new byte[4096];
        try (stream) {
            int read;
            while ((read = stream.read(buffer)) != -1) {
                keep(new String(buffer, 0, read, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            // the JVM is gone
        }
    }

    /** The last five lines, to end a sentence with: ":\n" and the lines, or "." when there are none. */
    String lastLines() {
        String text = text().strip();
        if (text.isEmpty()) {
            return ".";
        }
        String[] lines = text.split("\n");
        int from = Math.max(0, lines.length - 5);
        return ":\n" + String.join("\n", Arrays.copyOfRange(lines, from, lines.length));
    }
}
