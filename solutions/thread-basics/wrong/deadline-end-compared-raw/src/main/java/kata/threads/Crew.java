package kata.threads;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Starts one thread per job and waits for them, with one deadline for the whole crew.
 */
public class Crew {

    private final List<Thread> crew = new ArrayList<>();

    public Thread launch(Job job) {
        return hire(new Thread(job.work(), job.name()));
    }

    public Thread launchSubclassed(Job job) {
        return hire(new JobThread(job));
    }

    private Thread hire(Thread worker) {
        worker.start();
        crew.add(worker);
        return worker;
    }

    public int aliveCount() {
        return (int) crew.stream().filter(Thread::isAlive).count();
    }

    public List<String> awaitAll(Duration deadline) throws InterruptedException {
        long budget;
        try {
            budget = deadline.toNanos();
        } catch (ArithmeticException longerThan292Years) {
            budget = Long.MAX_VALUE; // "forever", e.g. Duration.ofMillis(Long.MAX_VALUE)
        }
        long end = System.nanoTime() + budget; // the deadline is one moment, computed once
        for (Thread worker : crew) {
            long now = System.nanoTime();
            if (now >= end) {
                break; // deadline passed: stop waiting
            }
            TimeUnit.NANOSECONDS.timedJoin(worker, end - now);
        }
        List<String> stillWorking = new ArrayList<>();
        for (Thread worker : crew) {
            if (worker.isAlive()) {
                stillWorking.add(worker.getName());
            }
        }
        return stillWorking;
    }
}
