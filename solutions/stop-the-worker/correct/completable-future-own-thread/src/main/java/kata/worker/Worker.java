package kata.worker;

import java.util.concurrent.CompletableFuture;

/**
 * A background worker: it does its chore's rounds on a thread of its own until {@link #stop()}.
 * A worker is started and stopped by one thread, the one that owns it.
 */
public class Worker {

    private final Chore chore;
    private final CompletableFuture<Long> outcome = new CompletableFuture<>();
    private volatile boolean halt;
    private Thread thread;

    public Worker(Chore chore) {
        this.chore = chore;
    }

    public void start() {
        thread = new Thread(() -> {
            try {
                chore.begin();
                long n = 0;
                while (!halt) {
                    chore.round();
                    n++;
                }
                chore.end();
                outcome.complete(n);
            } catch (RuntimeException | Error e) {
                outcome.completeExceptionally(e);
                throw e;
            }
        }, "worker");
        thread.start();
    }

    public long stop() throws InterruptedException {
        halt = true;
        thread.join();
        return outcome.join();
    }
}
