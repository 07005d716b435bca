package kata.worker;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A background worker: it does its chore's rounds on a thread of its own until {@link #stop()}.
 * A worker is started and stopped by one thread, the one that owns it.
 */
public class Worker {

    private final Chore chore;
    private final AtomicBoolean running = new AtomicBoolean();
    private Thread thread;
    private long count;

    public Worker(Chore chore) {
        this.chore = chore;
    }

    public void start() {
        running.set(true);
        thread = new Thread(() -> {
            chore.begin();
            long n = 0;
            while (running.get()) {
                chore.round();
                n++;
            }
            count = n;
            chore.end();
        }, "worker-thread");
        thread.start();
    }

    public long stop() throws InterruptedException {
        running.set(false);
        thread.join();
        return count;
    }
}
