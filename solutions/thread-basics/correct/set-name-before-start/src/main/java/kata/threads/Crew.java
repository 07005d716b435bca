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

    /**
     * Starts a thread that runs the job, made the first way: a plain {@link Thread} with the job's
     * work as its target and the job's name as its name. Returns at once, while the job runs.
     *
     * @return the started thread
     */
    public Thread launch(Job job) {
        Thread thread = new Thread(job.work());
        // Named before start(): from start() on, the job may already be running and asking.
        thread.setName(job.name());
        return started(thread);
    }

    /**
     * Starts a thread that runs the job, made the second way: a {@link JobThread}. Returns at
     * once, while the job runs.
     *
     * @return the started thread
     */
    public Thread launchSubclassed(Job job) {
        return started(new JobThread(job));
    }

    /** How many of this crew's threads are alive right now (started and not yet finished). */
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
     * Waits until every thread of the crew has finished, but no longer than {@code deadline} from
     * now in all, however many threads there are.
     *
     * @return the names of the threads still alive when it stopped waiting, in launch order; empty
     *         when all have finished
     * @throws InterruptedException if the waiting thread is interrupted
     */
    public List<String> awaitAll(Duration deadline) throws InterruptedException {
        long end = System.nanoTime() + deadline.toNanos();
        for (Thread thread : threads) {
            long left = end - System.nanoTime();
            if (left <= 0) {
                break;
            }
            // Never thread.join(0): that waits forever. timedJoin does nothing for a time <= 0 and
            // rounds a fraction of a millisecond up instead of down to 0.
            TimeUnit.NANOSECONDS.timedJoin(thread, left);
        }
        List<String> alive = new ArrayList<>();
        for (Thread thread : threads) {
            if (thread.isAlive()) {
                alive.add(thread.getName());
            }
        }
        return alive;
    }

    private Thread started(Thread thread) {
        thread.start();
        threads.add(thread);
        return thread;
    }
}
