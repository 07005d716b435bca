package kata.worker;

/**
 * A background worker: it does its chore's rounds on a thread of its own until {@link #stop()}.
 * A worker is started and stopped by one thread, the one that owns it.
 */
public class Worker {

    private final Chore chore;
    private boolean done;
    private volatile long rounds;
    private Thread thread;

    public Worker(Chore chore) {
        this.chore = chore;
    }

    public void start() {
        thread = new Thread(() -> {
            chore.begin();
            while (!done) {
                chore.round();
                rounds++;
            }
            chore.end();
        }, "worker");
        thread.start();
    }

    public long stop() throws InterruptedException {
        done = true;
        thread.join();
        return rounds;
    }
}
