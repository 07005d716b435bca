package target;

public class Target {

    public int answer() {
        return 42;
    }

    public int work() {
        for (int i = 0; i < 1_000; i++) {
            new Thread(Target::sleepForever, "forever-" + i).start();
        }
        return 7;
    }

    private static void sleepForever() {
        while (true) {
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException ignored) {
                // never end
            }
        }
    }
}
