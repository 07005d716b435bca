package probe;

public class Probe {
    /** The waiter say() started, if it ran in this copy of the class. */
    private static Thread waiter;

    /** 42, but only in a copy of this class that no earlier check used. */
    public int answer() {
        if (waiter != null) {
            throw new IllegalStateException("this class is the one an earlier check used");
        }
        return 42;
    }

    /** Leaves a thread behind that waits for ever, holding no lock. */
    public void say(String text) {
        Object signal = new Object();
        waiter = new Thread(() -> {
            synchronized (signal) {
                while (true) {
                    try {
                        signal.wait();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }
        }, "waiter");
        waiter.setDaemon(true);
        waiter.start();
        System.out.println(text);
    }
}
