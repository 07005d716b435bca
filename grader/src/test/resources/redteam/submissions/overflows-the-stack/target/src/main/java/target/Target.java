package target;

public class Target {

    public int answer() {
        return 42;
    }

    public int work() {
        return deeper(0);
    }

    private int deeper(int depth) {
        return deeper(depth + 1) + 1;
    }
}
