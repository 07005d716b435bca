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

    public Thread launch(Job job) {
        Thread thread = new Thread(job.work());
        thread.start();
        thread.setName(job.name());
        threads.add(thread);
        return thread;
    }

    public Thread launchSubclassed(Job job) {
        Thread thread = new JobThread(job);
        thread.start();
        threads.add(thread);
        return thread;
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

    public List<String> awaitAll(Duration deadline) throws InterruptedException {
        long start = System.nanoTime();
        long total = nanosOf(deadline);
        for (Thread thread : threads) {
            long left = total - (System.nanoTime() - start);
            TimeUnit.NANOSECONDS.timedJoin(thread, left);
        }
        return stillAlive();
    }

    /** The deadline in nanoseconds, saturated at Long.MAX_VALUE (about 292 years). */
    private static long nanosOf(Duration deadline) {
        if (deadline.isNegative()) {
            return 0L;
        }
        try {
            return deadline.toNanos();
        } catch (ArithmeticException tooLong) {
            return Long.MAX_VALUE;
        }
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
