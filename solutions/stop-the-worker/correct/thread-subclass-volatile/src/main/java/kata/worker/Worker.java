package kata.worker;

/**
 * A background worker: it does its chore's rounds on a thread of its own until {@link #stop()}.
 * A worker is started and stopped by one thread, the one that owns it.
 */
public class Worker {

    private final Chore chore;
    private WorkerThread thread;

    public Worker(Chore chore) {
        this.chore = chore;
    }

    public void start() {
        thread = new WorkerThread(chore);
        thread.start();
    }

    public long stop() throws InterruptedException {
        thread.requestStop();
        thread.join();
        return thread.result();
    }

    private static final class WorkerThread extends Thread {
        private final Chore chore;
        private volatile boolean stop;
        private long result;

        WorkerThread(Chore chore) {
            super("worker");
            this.chore = chore;
        }

        void requestStop() {
            stop = true;
        }

        long result() {
            return result;
        }

        @Override
        public void run() {
            chore.begin();
            long rounds = 0;
            while (!stop) {
                chore.round();
                rounds++;
            }
            result = rounds;
            chore.end();
        }
    }
}
