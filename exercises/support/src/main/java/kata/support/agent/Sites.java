package kata.support.agent;

import java.util.Arrays;

/** The table of scheduling points, filled by the instrumenter as classes load. */
public final class Sites {

    private static Site[] table = new Site[256];
    private static int size;

    private Sites() {
    }

    static synchronized int register(Site site) {
        if (size == table.length) {
            table = Arrays.copyOf(table, size * 2);
        }
        table[size] = site;
        return size++;
    }

    /** The site with this id; ids come from instrumented bytecode. */
    public static synchronized Site get(int id) {
        if (id < 0 || id >= size) {
            throw new IllegalArgumentException("unknown scheduling point " + id);
        }
        return table[id];
    }
}
