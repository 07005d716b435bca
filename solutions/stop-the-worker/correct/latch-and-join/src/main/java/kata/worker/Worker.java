package kata.worker;

import java.util.concurrent.CountDownLatch;

/**
 * A background worker: it does its chore's rounds on a thread of its own until {@link #stop()}.
 * A worker is started and stopped by one thread, the one that owns it.
 */
public class Worker {

    private final Chore chore;
    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile boolean stopRequested;
    private Thread thread;
    private long rounds;

    public Worker(Chore chore) {
        this.chore = chore;
    }

    public void start() {
        thread = new Thread(() -> {
            try {
                chore.begin();
                long n = 0;
                while (!stopRequested) {
                    chore.round();
                    n++;
                }
                rounds = n;
                chore.end();
            } finally {
                finished.countDown();
            }
        }, "worker");
        thread.start();
    }

    public long stop() throws InterruptedException {
        stopRequested = true;
        finished.await();
        thread.join();
        return rounds;
    }
}
