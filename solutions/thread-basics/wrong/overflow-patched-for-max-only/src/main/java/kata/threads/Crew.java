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
        Thread thread = new Thread(job.work(), job.name());
        thread.start();
        threads.add(thread);
        return thread;
    }

    /**
     * Starts a thread that runs the job, made the second way: a {@link JobThread}. Returns at
     * once, while the job runs.
     *
     * @return the started thread
     */
    public Thread launchSubclassed(Job job) {
        Thread thread = new JobThread(job);
        thread.start();
        threads.add(thread);
        return thread;
    }

    /** How many of this crew's threads are alive right now (started and not yet finished). */
    public int aliveCount() {
        int n = 0;
        for (Thread thread : threads) {
            if (thread.isAlive()) {
                n++;
            }
        }
        return n;
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
        long nanos = deadline.isNegative() ? 0 : deadline.toNanos();
        // Duration.ofNanos(Long.MAX_VALUE) means "no deadline": now + MAX would overflow.
        long end = nanos == Long.MAX_VALUE ? Long.MAX_VALUE : System.nanoTime() + nanos;
        for (Thread thread : threads) {
            long now = System.nanoTime();
            if (now >= end) {
                break;
            }
            TimeUnit.NANOSECONDS.timedJoin(thread, end - now);
        }
        return stillAlive();
    }

    private List<String> stillAlive() {
        List<String> names = new ArrayList<>();
        for (Thread thread : threads) {
            if (thread.isAlive()) {
                names.add(thread.getName());
            }
        }
        return names;
    }
}
