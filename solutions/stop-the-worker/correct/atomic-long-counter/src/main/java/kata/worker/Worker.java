package kata.worker;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A background worker: it does its chore's rounds on a thread of its own until {@link #stop()}.
 * A worker is started and stopped by one thread, the one that owns it.
 */
public class Worker {

    private final Chore chore;
    private final AtomicBoolean stopRequested = new AtomicBoolean(false);
    private final AtomicLong rounds = new AtomicLong();
    private Thread thread;

    public Worker(Chore chore) {
        this.chore = chore;
    }

    public void start() {
        Runnable body = new Runnable() {
            @Override
            public void run() {
                chore.begin();
                while (!stopRequested.get()) {
                    chore.round();
                    rounds.incrementAndGet();
                }
                chore.end();
            }
        };
        thread = new Thread(body, "worker");
        thread.start();
    }

    public long stop() throws InterruptedException {
        stopRequested.set(true);
        thread.join();
        return rounds.get();
    }
}
