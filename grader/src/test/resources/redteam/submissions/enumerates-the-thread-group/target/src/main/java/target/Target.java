package target;

public class Target {

    public int answer() {
        return 42;
    }

    public int work() {
        Thread[] all = new Thread[100];
        Thread.currentThread().getThreadGroup().enumerate(all);
        return 7;
    }
}
