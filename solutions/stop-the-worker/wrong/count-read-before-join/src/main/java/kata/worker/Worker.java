package kata.worker;

/** Reads the count as soon as it asks, then waits: the round in progress is missing from it. */
public class Worker {

    private final Chore chore;
    private final Thread thread;
    private volatile boolean stopRequested;
    private volatile long rounds;

    public Worker(Chore chore) {
        this.chore = chore;
        this.thread = new Thread(this::work, "worker");
    }

    public void start() {
        thread.start();
    }

    public long stop() throws InterruptedException {
        stopRequested = true;
        long done = rounds;
        thread.join();
        return done;
    }

    private void work() {
        chore.begin();
        while (!stopRequested) {
            chore.round();
            rounds++;
        }
        chore.end();
    }
}
