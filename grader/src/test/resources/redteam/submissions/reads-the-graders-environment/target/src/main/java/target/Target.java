package target;

public class Target {

    public int answer() {
        return 42;
    }

    public int work() {
        System.out.println(System.getenv());
        return 7;
    }
}
