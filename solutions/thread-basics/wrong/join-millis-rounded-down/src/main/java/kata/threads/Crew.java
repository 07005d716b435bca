package kata.threads;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

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
        return (int) threads.stream().filter(Thread::isAlive).count();
    }

    public List<String> awaitAll(Duration deadline) throws InterruptedException {
        long end = System.nanoTime() + deadline.toNanos();
        for (Thread thread : threads) {
            long left = end - System.nanoTime();
            if (left <= 0) {
                break;
            }
            long millis = left / 1_000_000;
            if (millis == 0) {
                millis = 1; // join(0) would wait forever: wait at least one millisecond
            }
            thread.join(millis);
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
