package kata.worker;

/**
 * A background worker: it does its chore's rounds on a thread of its own until {@link #stop()}.
 * A worker is started and stopped by one thread, the one that owns it.
 */
public class Worker {

    private final Chore chore;
    private volatile boolean stopping;
    private volatile long rounds;
    private Thread worker;

    public Worker(Chore chore) {
        this.chore = chore;
    }

    public void start() {
        worker = new Thread(this::loop, "worker");
        worker.start();
    }

    private void loop() {
        chore.begin();
        try {
            while (!stopping) {
                chore.round();
                rounds++; // only this thread writes rounds
            }
        } finally {
            chore.end();
        }
    }

    public long stop() throws InterruptedException {
        stopping = true;
        worker.join();
        return rounds;
    }
}
