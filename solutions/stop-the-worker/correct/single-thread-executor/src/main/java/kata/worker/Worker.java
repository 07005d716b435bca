package kata.worker;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * A background worker: it does its chore's rounds on a thread of its own until {@link #stop()}.
 * A worker is started and stopped by one thread, the one that owns it.
 */
public class Worker {

    private final Chore chore;
    private volatile boolean stop;
    private ExecutorService executor;
    private Future<Long> result;

    public Worker(Chore chore) {
        this.chore = chore;
    }

    public void start() {
        executor = Executors.newSingleThreadExecutor(r -> new Thread(r, "worker"));
        result = executor.submit(() -> {
            chore.begin();
            long rounds = 0;
            while (!stop) {
                chore.round();
                rounds++;
            }
            chore.end();
            return rounds;
        });
        executor.shutdown(); // no more tasks; the thread ends once the loop is done
    }

    public long stop() throws InterruptedException {
        stop = true;
        try {
            long rounds = result.get();
            while (!executor.awaitTermination(1, TimeUnit.DAYS)) {
                // keep waiting until the worker thread has really ended
            }
            return rounds;
        } catch (ExecutionException e) {
            throw new IllegalStateException("the chore failed", e.getCause());
        }
    }
}
