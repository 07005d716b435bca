package kata.threads;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Starts one thread per job and waits for them, like the seed's main thread with its
 * {@code start()}, {@code join()} and {@code is_alive()}. A crew is used by one thread, the one
 * that launches its jobs.
 */
public class Crew {

    private final List<Thread> launched = new LinkedList<>();

    public Thread launch(Job job) {
        Thread t = new Thread(job.work(), job.name());
        t.start();
        launched.add(t);
        return t;
    }

    public Thread launchSubclassed(Job job) {
        JobThread t = new JobThread(job);
        t.start();
        launched.add(t);
        return t;
    }

    public int aliveCount() {
        int alive = 0;
        for (Thread t : launched) {
            alive += t.isAlive() ? 1 : 0;
        }
        return alive;
    }

    public List<String> awaitAll(Duration deadline) throws InterruptedException {
        final long total;
        try {
            total = deadline.toNanos();
        } catch (ArithmeticException huge) {
            return awaitAll(deadline.isNegative() ? Duration.ZERO : Duration.ofDays(100_000));
        }
        final long start = System.nanoTime();
        for (Thread t : launched) {
            // join by hand, as Thread.join does it: a dying thread calls notifyAll() on itself
            // (documented in Thread.join). The time left is recomputed after every wake-up.
            synchronized (t) {
                while (t.isAlive()) {
                    long left = total - (System.nanoTime() - start);
                    if (left <= 0) {
                        break;
                    }
                    TimeUnit.NANOSECONDS.timedWait(t, left);
                }
            }
        }
        List<String> stillAlive = new ArrayList<>();
        for (Thread t : launched) {
            if (t.isAlive()) {
                stillAlive.add(t.getName());
            }
        }
        return stillAlive;
    }
}
