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
     * How many of this crew's jobs are running: up when one is launched, down when its work ends
     * (returned or thrown). Volatile, because the jobs' threads write it and the boss reads it.
     */
    private volatile int running;

    public Thread launch(Job job) {
        return startAndKeep(new Thread(counted(job.work()), job.name()));
    }

    public Thread launchSubclassed(Job job) {
        return startAndKeep(new JobThread(new Job(job.name(), counted(job.work()))));
    }

    private Thread startAndKeep(Thread thread) {
        running++;
        thread.start();
        threads.add(thread);
        return thread;
    }

    private Runnable counted(Runnable work) {
        return () -> {
            try {
                work.run();
            } finally {
                running--;
            }
        };
    }

    public int aliveCount() {
        return running;
    }

    public List<String> awaitAll(Duration deadline) throws InterruptedException {
        long end = System.nanoTime() + deadline.toNanos();
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
