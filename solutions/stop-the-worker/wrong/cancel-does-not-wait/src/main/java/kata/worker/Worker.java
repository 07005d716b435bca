package kata.worker;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A background worker: it does its chore's rounds on a thread of its own until {@link #stop()}.
 * A worker is started and stopped by one thread, the one that owns it.
 */
public class Worker {

    private final Chore chore;
    private ExecutorService executor;
    private Future<?> task;
    private volatile long rounds;

    public Worker(Chore chore) {
        this.chore = chore;
    }

    public void start() {
        executor = Executors.newSingleThreadExecutor();
        task = executor.submit(() -> {
            chore.begin();
            while (!Thread.currentThread().isInterrupted()) {
                chore.round();
                rounds++;
            }
            chore.end();
        });
        executor.shutdown();
    }

    public long stop() throws InterruptedException {
        task.cancel(true);
        return rounds;
    }
}
