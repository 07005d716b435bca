package kata.runner;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Replaces {@code System.out} and {@code System.err} with one bounded buffer per check, so each
 * check's scorecard entry carries what was printed while it ran, and nothing printed can flood
 * the grader.
 */
final class OutputCapture extends OutputStream {

    private final int limit;
    private byte[] buffer = new byte[1024];
    private int size;
    private long dropped;
    /** Bytes printed since the last {@link #take()}, kept or not (volatile: the watchdog reads it). */
    private volatile long printed;

    private OutputCapture(int limit) {
        this.limit = limit;
    }

    static OutputCapture install(int limitBytes) {
        OutputCapture capture = new OutputCapture(limitBytes);
        PrintStream stream = new PrintStream(capture, true, StandardCharsets.UTF_8);
        System.setOut(stream);
        System.setErr(stream);
        return capture;
    }

    @Override
    public synchronized void write(int b) {
        printed++;
        if (size < limit) {
            grow(size + 1);
            buffer[size++] = (byte) b;
        } else {
            dropped++;
        }
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) {
        printed += length;
        int kept = Math.min(length, limit - size);
        if (kept > 0) {
            grow(size + kept);
            System.arraycopy(bytes, offset, buffer, size, kept);
            size += kept;
        }
        dropped += length - Math.max(kept, 0);
    }

    /** Returns what was printed since the last call, and starts over. */
    synchronized Captured take() {
        String text = new String(buffer, 0, size, StandardCharsets.UTF_8);
        boolean truncated = dropped > 0;
        if (truncated) {
            text += "\n[output truncated: " + dropped + " more bytes]";
        }
        size = 0;
        dropped = 0;
        printed = 0;
        return new Captured(text, truncated);
    }

    long printedSinceTake() {
        return printed;
    }

    private void grow(int needed) {
        if (needed > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.min(limit, Math.max(needed, buffer.length * 2)));
        }
    }
}
