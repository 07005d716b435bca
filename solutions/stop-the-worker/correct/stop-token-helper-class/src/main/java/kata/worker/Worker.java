package kata.worker;

/**
 * A background worker: it does its chore's rounds on a thread of its own until {@link #stop()}.
 * A worker is started and stopped by one thread, the one that owns it.
 */
public class Worker {

    private final Chore chore;
    private final StopToken token = new StopToken();
    private Thread thread;
    private long total;

    public Worker(Chore chore) {
        this.chore = chore;
    }

    public void start() {
        thread = new Thread(this::body, "worker");
        thread.start();
    }

    private void body() {
        chore.begin();
        long n = 0;
        while (!token.isRequested()) {
            chore.round();
            n++;
        }
        total = n;
        chore.end();
    }

    public long stop() throws InterruptedException {
        token.request();
        thread.join();
        return total;
    }
}
