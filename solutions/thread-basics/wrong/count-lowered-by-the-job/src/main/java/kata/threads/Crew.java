package kata.threads;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Starts one thread per job and waits for them, like the seed's main thread with its
 * {@code start()}, {@code join()} and {@code is_alive()}. A crew is used by one thread, the one
 * that launches its jobs.
 */
public class Crew {

    private final List<Thread> threads = new ArrayList<>();

    /**
     * Jobs of this crew that have not finished yet. Counted up by the boss before a start and down
     * by the job's own thread when its work ends (also when it throws), hence atomic.
     */
    private final AtomicInteger running = new AtomicInteger();

    /**
     * Starts a thread that runs the job, made the first way: a plain {@link Thread} with the job's
     * work as its target and the job's name as its name. Returns at once, while the job runs.
     *
     * @return the started thread
     */
    public Thread launch(Job job) {
        Thread thread = new Thread(counted(job.work()), job.name());
        running.incrementAndGet();
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
        Thread thread = new JobThread(new Job(job.name(), counted(job.work())));
        running.incrementAndGet();
        thread.start();
        threads.add(thread);
        return thread;
    }

    private Runnable counted(Runnable work) {
        return () -> {
            try {
                work.run();
            } finally {
                running.decrementAndGet();
            }
        };
    }

    /** How many of this crew's threads are alive right now (started and not yet finished). */
    public int aliveCount() {
        return running.get();
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
        long end = System.nanoTime() + Math.max(0L, deadline.toNanos());
        for (Thread thread : threads) {
            TimeUnit.NANOSECONDS.timedJoin(thread, end - System.nanoTime());
        }
        List<String> stillAtWork = new ArrayList<>();
        for (Thread thread : threads) {
            if (thread.isAlive()) {
                stillAtWork.add(thread.getName());
            }
        }
        return stillAtWork;
    }
}
