package kata.threads;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Starts one thread per job and waits for them, like the seed's main thread with its
 * {@code start()}, {@code join()} and {@code is_alive()}. A crew is used by one thread, the one
 * that launches its jobs.
 */
public class Crew {

    private final List<Thread> threads = new ArrayList<>();

    /** Guards {@link #unfinished}; the jobs' threads signal on it when they are done. */
    private final Object done = new Object();

    /** Jobs started and not yet done. */
    private int unfinished;

    public Thread launch(Job job) {
        return startAndKeep(new Thread(signalling(job.work()), job.name()));
    }

    public Thread launchSubclassed(Job job) {
        return startAndKeep(new JobThread(new Job(job.name(), signalling(job.work()))));
    }

    private Thread startAndKeep(Thread thread) {
        synchronized (done) {
            unfinished++;
        }
        thread.start();
        threads.add(thread);
        return thread;
    }

    /** The work, followed by a signal to the boss that this job is done. */
    private Runnable signalling(Runnable work) {
        return () -> {
            work.run();
            synchronized (done) {
                unfinished--;
                done.notifyAll();
            }
        };
    }

    public int aliveCount() {
        int alive = 0;
        for (Thread thread : threads) {
            if (thread.isAlive()) {
                alive++;
            }
        }
        return alive;
    }

    /**
     * Waits on one condition, "every job is done", until the one shared end, instead of joining
     * the threads one after another; then gives the threads that just signalled the rest of the
     * time to end, and reports who is alive.
     */
    public List<String> awaitAll(Duration deadline) throws InterruptedException {
        final long end = System.nanoTime() + deadline.toNanos();
        synchronized (done) {
            while (unfinished > 0) {
                long left = end - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                TimeUnit.NANOSECONDS.timedWait(done, left);
            }
        }
        for (Thread thread : threads) {
            long left = end - System.nanoTime();
            if (left <= 0) {
                break;
            }
            TimeUnit.NANOSECONDS.timedJoin(thread, left);
        }
        List<String> names = new ArrayList<>();
        for (Thread thread : threads) {
            if (thread.isAlive()) {
                names.add(thread.getName());
            }
        }
        return names;
    }
}
