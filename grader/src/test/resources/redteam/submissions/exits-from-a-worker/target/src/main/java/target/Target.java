package target;

public class Target {

    public int answer() {
        return 42;
    }

    public int work() {
        Thread worker = new Thread(() -> System.exit(0));
        worker.start();
        return 7;
    }
}
