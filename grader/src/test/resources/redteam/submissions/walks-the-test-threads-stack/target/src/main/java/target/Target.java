package target;

public class Target {

    public int answer() {
        return 42;
    }

    public int work() {
        System.out.println(java.util.Arrays.toString(Thread.currentThread().getStackTrace()));
        return 7;
    }
}
