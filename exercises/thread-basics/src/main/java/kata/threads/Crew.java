package kata.threads;

import java.time.Duration;
import java.util.List;

/**
 * Starts one thread per job and waits for them, like the seed's main thread with its
 * {@code start()}, {@code join()} and {@code is_alive()}. A crew is used by one thread, the one
 * that launches its jobs.
 */
public class Crew {

    /**
     * Starts a thread that runs the job, made the first way: a plain {@link Thread} with the job's
     * work as its target and the job's name as its name. Returns at once, while the job runs.
     *
     * @return the started thread
     */
    public Thread launch(Job job) {
        throw new UnsupportedOperationException("Crew.launch(job) is not written yet: create a Thread with the"
                + " job's work as its target and the job's name, start it, remember it, and return it.");
    }

    /**
     * Starts a thread that runs the job, made the second way: a {@link JobThread}. Returns at
     * once, while the job runs.
     *
     * @return the started thread
     */
    public Thread launchSubclassed(Job job) {
        throw new UnsupportedOperationException("Crew.launchSubclassed(job) is not written yet: create a"
                + " JobThread for the job, start it, remember it, and return it.");
    }

    /** How many of this crew's threads are alive right now (started and not yet finished). */
    public int aliveCount() {
        throw new UnsupportedOperationException("Crew.aliveCount() is not written yet: count the crew's threads"
                + " that are alive.");
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
        throw new UnsupportedOperationException("Crew.awaitAll(deadline) is not written yet: join each thread,"
                + " but only for the time left until one shared deadline, then report who is still alive.");
    }
}
