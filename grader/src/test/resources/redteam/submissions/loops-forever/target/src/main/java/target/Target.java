package target;

public class Target {

    public int answer() {
        return 42;
    }

    public int work() {
        long spins = 0;
        while (spins >= 0) {
            spins = spins + 1 == Long.MAX_VALUE ? 0 : spins + 1;
        }
        return 7;
    }
}
