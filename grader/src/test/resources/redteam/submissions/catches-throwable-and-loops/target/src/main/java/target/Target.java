package target;

public class Target {

    public int answer() {
        return 42;
    }

    public int work() {
        while (true) {
            try {
                Thread.sleep(1_000);
            } catch (Throwable ignored) {
                // nothing stops this
            }
        }
    }
}
