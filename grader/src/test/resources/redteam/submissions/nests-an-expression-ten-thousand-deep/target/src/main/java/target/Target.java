package target;

public class Target {

    public int answer() {
        return 42;
    }

    public int work() {
        return 7;
    }
}
