package kata.worker;

import java.util.concurrent.CountDownLatch;

/**
 * A background worker: it does its chore's rounds on a thread of its own until {@link #stop()}.
 * A worker is started and stopped by one thread, the one that owns it.
 */
public class Worker {

    private final Chore chore;
    private final CountDownLatch done = new CountDownLatch(1);
    private volatile boolean stopRequested;
    private long rounds;

    public Worker(Chore chore) {
        this.chore = chore;
    }

    public void start() {
        Thread thread = new Thread(() -> {
            chore.begin();
            long n = 0;
            while (!stopRequested) {
                chore.round();
                n++;
            }
            rounds = n;
            chore.end();
            done.countDown();
        }, "worker");
        thread.start();
    }

    public long stop() throws InterruptedException {
        stopRequested = true;
        done.await();
        return rounds;
    }
}
