package probe;

public class Probe {
    /** 42, but only in a JVM where no spinner from an earlier check is still running. */
    public int answer() {
        boolean spinnerAlive = Thread.getAllStackTraces().keySet().stream()
                .anyMatch(thread -> thread.getName().equals("spinner"));
        if (spinnerAlive) {
            throw new IllegalStateException("a spinner from an earlier check is still running");
        }
        return 42;
    }

    /** Leaves a thread behind that never stops running. */
    public void say(String text) {
        Thread spinner = new Thread(() -> {
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
