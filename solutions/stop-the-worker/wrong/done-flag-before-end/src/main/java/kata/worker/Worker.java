package kata.worker;

/**
 * A background worker: it does its chore's rounds on a thread of its own until {@link #stop()}.
 * A worker is started and stopped by one thread, the one that owns it.
 */
public class Worker {

    private final Chore chore;
    private final Object lock = new Object();
    private volatile boolean stopRequested;
    private boolean finished;
    private long rounds;
    private Thread thread;

    public Worker(Chore chore) {
        this.chore = chore;
    }

    public void start() {
        thread = new Thread(() -> {
            chore.begin();
            long n = 0;
            while (!stopRequested) {
                chore.round();
                n++;
            }
            synchronized (lock) {
                rounds = n;
                finished = true;
                lock.notifyAll();
            }
            chore.end();
        }, "worker");
        thread.start();
    }

    public long stop() throws InterruptedException {
        stopRequested = true;
        synchronized (lock) {
            while (!finished) {
                lock.wait();
            }
            return rounds;
        }
    }
}
