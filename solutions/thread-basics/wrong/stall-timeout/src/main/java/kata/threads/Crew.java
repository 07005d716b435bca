package kata.threads;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
        long total = capped(deadline).toNanos();
        long end = System.nanoTime() + total;
        for (Thread t : threads) {
            long left = end - System.nanoTime();
            if (left <= 0) {
                break;
            }
            boolean wasRunning = t.isAlive();
            TimeUnit.NANOSECONDS.timedJoin(t, left);
            if (wasRunning && !t.isAlive()) {
                // the crew is making progress: the deadline counts from the last thread that ended
                end = System.nanoTime() + total;
            }
        }
        return stillAlive();
    }

    private List<String> stillAlive() {
        List<String> names = new ArrayList<>();
        for (Thread t : threads) {
            if (t.isAlive()) {
                names.add(t.getName());
            }
        }
        return names;
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
