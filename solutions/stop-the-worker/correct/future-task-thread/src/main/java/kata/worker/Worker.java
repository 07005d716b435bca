package kata.worker;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * A background worker: it does its chore's rounds on a thread of its own until {@link #stop()}.
 * A worker is started and stopped by one thread, the one that owns it.
 */
public class Worker {

    private final Chore chore;
    private volatile boolean stopRequested;
    private FutureTask<Long> task;
    private Thread thread;

    public Worker(Chore chore) {
        this.chore = chore;
    }

    public void start() {
        task = new FutureTask<>(() -> {
            chore.begin();
            long n = 0;
            while (!stopRequested) {
                chore.round();
                n++;
            }
            chore.end();
            return n;
        });
        thread = new Thread(task, "worker");
        thread.start();
    }

    public long stop() throws InterruptedException {
        stopRequested = true;
        long result;
        try {
            result = task.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException) {
                throw (RuntimeException) cause;
            }
            if (cause instanceof Error) {
                throw (Error) cause;
            }
            throw new IllegalStateException(cause);
        }
        thread.join();
        return result;
    }
}
