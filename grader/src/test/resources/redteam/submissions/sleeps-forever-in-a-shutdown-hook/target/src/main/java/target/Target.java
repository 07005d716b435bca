package target;

public class Target {

    public int answer() {
        return 42;
    }

    public int work() {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            while (true) {
                try {
                    Thread.sleep(1_000);
                } catch (InterruptedException ignored) {
                    // keep the JVM from ending
                }
            }
        }));
        return 7;
    }
}
