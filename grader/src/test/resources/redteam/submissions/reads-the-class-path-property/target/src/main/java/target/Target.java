package target;

public class Target {

    public int answer() {
        return 42;
    }

    public int work() {
        System.out.println(System.getProperty("java.class.path"));
        return 7;
    }
}
