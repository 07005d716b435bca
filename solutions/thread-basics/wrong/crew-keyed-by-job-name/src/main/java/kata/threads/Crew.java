package kata.threads;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Starts one thread per job and waits for them, like the seed's main thread with its
 * {@code start()}, {@code join()} and {@code is_alive()}. A crew is used by one thread, the one
 * that launches its jobs.
 */
public class Crew {

    /** The crew by name; a LinkedHashMap keeps the launch order (not a hash map's order). */
    private final Map<String, Thread> crew = new LinkedHashMap<>();

    public Thread launch(Job job) {
        Thread t = new Thread(job.work(), job.name());
        t.start();
        crew.put(job.name(), t);
        return t;
    }

    public Thread launchSubclassed(Job job) {
        Thread t = new JobThread(job);
        t.start();
        crew.put(job.name(), t);
        return t;
    }

    public int aliveCount() {
        int n = 0;
        for (Thread t : crew.values()) {
            if (t.isAlive()) {
                n++;
            }
        }
        return n;
    }

    public List<String> awaitAll(Duration deadline) throws InterruptedException {
        long end = System.nanoTime() + deadline.toNanos();
        for (Thread t : crew.values()) {
            long left = end - System.nanoTime();
            if (left <= 0) {
                break;
            }
            TimeUnit.NANOSECONDS.timedJoin(t, left);
        }
        List<String> alive = new ArrayList<>();
        for (Map.Entry<String, Thread> e : crew.entrySet()) {
            if (e.getValue().isAlive()) {
                alive.add(e.getKey());
            }
        }
        return alive;
    }
}
