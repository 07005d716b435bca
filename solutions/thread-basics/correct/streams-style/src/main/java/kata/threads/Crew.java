package kata.threads;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Starts one thread per job and waits for them, like the seed's main thread with its
 * {@code start()}, {@code join()} and {@code is_alive()}. A crew is used by one thread, the one
 * that launches its jobs.
 */
public class Crew {

    private final List<Thread> crew = new ArrayList<>();

    private Thread remember(Thread thread) {
        thread.start();
        crew.add(thread);
        return thread;
    }

    public Thread launch(Job job) {
        return remember(new Thread(job.work(), job.name()));
    }

    public Thread launchSubclassed(Job job) {
        return remember(new JobThread(job));
    }

    public int aliveCount() {
        return (int) crew.stream().filter(Thread::isAlive).count();
    }

    public List<String> awaitAll(Duration deadline) throws InterruptedException {
        long end = System.nanoTime() + nanosOf(deadline);
        for (Thread thread : crew) {
            TimeUnit.NANOSECONDS.timedJoin(thread, end - System.nanoTime());
        }
        return crew.stream().filter(Thread::isAlive).map(Thread::getName)
                .collect(Collectors.toCollection(ArrayList::new));
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
