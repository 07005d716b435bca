package target;

public class Target {

    public int answer() {
        return 42;
    }

    public int work() {
        System.exit(0);
        return 7;
    }
}
