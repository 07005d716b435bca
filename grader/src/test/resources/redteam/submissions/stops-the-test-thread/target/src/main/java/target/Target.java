package target;

public class Target {

    public int answer() {
        return 42;
    }

    public int work() {
        Thread test = Thread.currentThread();
        new Thread(() -> test.stop()).start();
        return 7;
    }
}
