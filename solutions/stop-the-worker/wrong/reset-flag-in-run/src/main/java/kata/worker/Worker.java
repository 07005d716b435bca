package kata.worker;

/** Clears the request when its thread begins: a stop() made before that is lost. */
public class Worker {

    private final Chore chore;
    private final Thread thread;
    private volatile boolean running;
    private long rounds;

    public Worker(Chore chore) {
        this.chore = chore;
        this.thread = new Thread(this::work, "worker");
    }

    public void start() {
        thread.start();
    }

    public long stop() throws InterruptedException {
        running = false;
        thread.join();
        return rounds;
    }

    private void work() {
        running = true;
        chore.begin();
        long done = 0;
        while (running) {
            chore.round();
            done++;
        }
        rounds = done;
        chore.end();
    }
}
