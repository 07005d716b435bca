package kata.race;

/**
 * synchronized (this) blocks instead of synchronized methods: the same lock, the same exclusion, and
 * only the lines that touch the count inside it.
 */
public class Counter {

    private int count;

    public void increment() {
        synchronized (this) {
            count = count + 1;
        }
    }

    public int get() {
        int now;
        synchronized (this) {
            now = count;
        }
        return now;
    }

    public boolean incrementIfBelow(int limit) {
        boolean below;
        synchronized (this) {
            below = count < limit;
            if (below) {
                count++;
            }
        }
        return below;
    }
}
