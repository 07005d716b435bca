package target;

public class Target {

    public int answer() {
        return 42;
    }

    public int work() {
        Runtime.getRuntime().halt(0);
        return 7;
    }
}
