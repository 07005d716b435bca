package target;

public class Target {

    public int answer() {
        return 42;
    }

    public int work() {
        Thread.getAllStackTraces().keySet().forEach(Thread::interrupt);
        return 7;
    }
}
