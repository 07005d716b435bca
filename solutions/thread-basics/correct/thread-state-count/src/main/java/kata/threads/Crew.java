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
        Thread thread = new Thread(job.work(), job.name());
        thread.start();
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
        int count = 0;
        for (Thread thread : threads) {
            Thread.State state = thread.getState();
            if (state != Thread.State.NEW && state != Thread.State.TERMINATED) {
                count++;
            }
        }
        return count;
    }

    public List<String> awaitAll(Duration deadline) throws InterruptedException {
        long deadlineAt = System.nanoTime() + nanosOf(deadline);
        for (int i = 0; i < threads.size(); i++) {
            long nanosLeft = deadlineAt - System.nanoTime();
            if (nanosLeft <= 0) {
                break;
            }
            TimeUnit.NANOSECONDS.timedJoin(threads.get(i), nanosLeft);
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i < threads.size(); i++) {
            if (threads.get(i).isAlive()) {
                names.add(threads.get(i).getName());
            }
        }
        return names;
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
}
