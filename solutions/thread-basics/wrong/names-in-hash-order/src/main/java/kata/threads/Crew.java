package kata.threads;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Starts one thread per job and waits for them, like the seed's main thread with its
 * {@code start()}, {@code join()} and {@code is_alive()}. A crew is used by one thread, the one
 * that launches its jobs.
 */
public class Crew {

    private final Map<String, Thread> byName = new HashMap<>();

    public Thread launch(Job job) {
        Thread thread = new Thread(job.work(), job.name());
        thread.start();
        byName.put(job.name(), thread);
        return thread;
    }

    public Thread launchSubclassed(Job job) {
        Thread thread = new JobThread(job);
        thread.start();
        byName.put(job.name(), thread);
        return thread;
    }

    public int aliveCount() {
        int alive = 0;
        for (Thread thread : byName.values()) {
            if (thread.isAlive()) {
                alive++;
            }
        }
        return alive;
    }

    public List<String> awaitAll(Duration deadline) throws InterruptedException {
        long end = System.nanoTime() + nanosOf(deadline);
        for (Thread thread : byName.values()) {
            TimeUnit.NANOSECONDS.timedJoin(thread, end - System.nanoTime());
        }
        List<String> names = new ArrayList<>();
        for (Map.Entry<String, Thread> e : byName.entrySet()) {
            if (e.getValue().isAlive()) {
                names.add(e.getKey());
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
