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
    /** Jobs of this crew that have not finished yet; the job threads count themselves down. */
    private final AtomicInteger running = new AtomicInteger();

    public Thread launch(Job job) {
        Thread t = new Thread(counted(job.work()), job.name());
        running.incrementAndGet();
        t.start();
        threads.add(t);
        return t;
    }

    public Thread launchSubclassed(Job job) {
        Thread t = new JobThread(new Job(job.name(), counted(job.work())));
        running.incrementAndGet();
        t.start();
        threads.add(t);
        return t;
    }

    private Runnable counted(Runnable work) {
        return () -> {
            work.run();
            running.decrementAndGet();
        };
    }

    public int aliveCount() {
        return running.get();
    }

    public List<String> awaitAll(Duration deadline) throws InterruptedException {
        long end = System.nanoTime() + deadline.toNanos();
        for (Thread t : threads) {
            long left = end - System.nanoTime();
            if (left <= 0) {
                break;
            }
            TimeUnit.NANOSECONDS.timedJoin(t, left);
        }
        List<String> alive = new ArrayList<>();
        for (Thread t : threads) {
            if (t.isAlive()) {
                alive.add(t.getName());
            }
        }
        return alive;
    }
}
