package kata.worker;

/**
 * A background worker: it does its chore's rounds on a thread of its own until {@link #stop()}.
 * A worker is started and stopped by one thread, the one that owns it.
 */
public class Worker {

    private enum State { NEW, RUNNING, STOP_REQUESTED }

    private final Chore chore;
    private volatile State state = State.NEW;
    private Thread thread;
    private long roundsDone;

    public Worker(Chore chore) {
        this.chore = chore;
    }

    public void start() {
        state = State.RUNNING;
        thread = new Thread(this::runChore, "worker");
        thread.start();
    }

    private void runChore() {
        chore.begin();
        long n = 0;
        while (state == State.RUNNING) {
            chore.round();
            n++;
        }
        roundsDone = n;
        chore.end();
    }

    public long stop() throws InterruptedException {
        state = State.STOP_REQUESTED;
        thread.join();
        return roundsDone;
    }
}
