package kata.threads;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

public class Crew {

    private final List<Thread> threads = new ArrayList<>();

    public Thread launch(Job job) {
        Thread t = new Thread(job.work(), job.name());
        t.start();
        threads.add(t);
        return t;
    }

    public Thread launchSubclassed(Job job) {
        Thread t = new JobThread(job);
        t.start();
        threads.add(t);
        return t;
    }

    public int aliveCount() {
        int count = 0;
        for (Thread t : threads) {
            if (t.isAlive()) {
                count++;
            }
        }
        return count;
    }

    public List<String> awaitAll(Duration deadline) throws InterruptedException {
        long end = System.nanoTime() + capped(deadline).toNanos();
        for (Thread t : threads) {
            long left = end - System.nanoTime();
            if (left <= 0) {
                break;
            }
            TimeUnit.NANOSECONDS.timedJoin(t, left);
        }
        // each name once, and a LinkedHashSet keeps the launch order
        Set<String> alive = new LinkedHashSet<>();
        for (Thread t : threads) {
            if (t.isAlive()) {
                alive.add(t.getName());
            }
        }
        return new ArrayList<>(alive);
    }

    private static final Duration LONGEST = Duration.ofDays(365L * 100);

    /** The deadline capped at a century (so toNanos cannot overflow), negative as zero. */
    private static Duration capped(Duration deadline) {
        if (deadline.isNegative()) {
            return Duration.ZERO;
        }
        return deadline.compareTo(LONGEST) > 0 ? LONGEST : deadline;
    }
}
