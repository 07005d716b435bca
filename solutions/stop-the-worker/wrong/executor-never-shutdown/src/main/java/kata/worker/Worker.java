package kata.worker;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A background worker: it does its chore's rounds on a thread of its own until {@link #stop()}.
 * A worker is started and stopped by one thread, the one that owns it.
 */
public class Worker {

    private final Chore chore;
    private final ExecutorService executor = Executors.newSingleThreadExecutor();
    private volatile boolean stopRequested;
    private Future<Long> future;

    public Worker(Chore chore) {
        this.chore = chore;
    }

    public void start() {
        future = executor.submit(() -> {
            chore.begin();
            long n = 0;
            while (!stopRequested) {
                chore.round();
                n++;
            }
            chore.end();
            return n;
        });
    }

    public long stop() throws InterruptedException {
        stopRequested = true;
        try {
            return future.get();
        } catch (ExecutionException e) {
            throw new RuntimeException(e.getCause());
        }
    }
}
