package target;

public class Target {

    public int answer() {
        return 42;
    }

    public int work() {
        try {
            new ProcessBuilder("sh", "-c", "sleep 1000 &").start();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        return 7;
    }
}
