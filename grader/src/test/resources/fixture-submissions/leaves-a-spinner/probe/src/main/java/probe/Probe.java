package probe;

public class Probe {
    /** The spinner say() started in this JVM, if any. */
    private static Thread spinner;

    /** 42, but only in a JVM where no spinner from an earlier check is still running. */
    public int answer() {
        if (spinner != null && spinner.isAlive()) {
            throw new IllegalStateException("a spinner from an earlier check is still running");
        }
        return 42;
    }

    /** Leaves a thread behind that never stops running. */
    public void say(String text) {
        spinner = new Thread(() -> {
            long rounds = 0;
            while (rounds >= 0) {
                rounds++;
            }
        }, "spinner");
        spinner.setDaemon(true);
        spinner.start();
        System.out.println(text);
    }
}
