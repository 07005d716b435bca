package kata.support.interleave;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;

/**
 * Threads for the workers of one exploration, reused from one schedule to the next: an exploration
 * runs thousands of short schedules, and starting threads for each would dominate its time. A
 * thread is only reused when its last task ended cleanly; a thread of a failed schedule retires as
 * soon as its task ends (and stays behind only if its task never does).
 */
final class WorkerThreads implements AutoCloseable {

    private static final long IDLE_POLL_MILLIS = 50;

    private final Deque<Pooled> idle = new ArrayDeque<>();
    private final List<Pooled> busy = new ArrayList<>();

    private static final class Pooled {
        final SynchronousQueue<Runnable> tasks = new SynchronousQueue<>();
        final Thread thread;
        volatile CountDownLatch done;
        volatile boolean retired;

        Pooled() {
            thread = new Thread(this::loop);
            thread.setDaemon(true);
            thread.start();
        }

        private void loop() {
            try {
                while (!retired) {
                    Runnable task = tasks.poll(IDLE_POLL_MILLIS, TimeUnit.MILLISECONDS);
                    if (task != null) {
                        try {
                            task.run();
                        } finally {
                            done.countDown();
                        }
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** A thread for the next task; start it with {@link #run}. */
    Thread take(String name) {
        Pooled pooled = idle.isEmpty() ? new Pooled() : idle.pop();
        pooled.thread.setName(name);
        busy.add(pooled);
        return pooled.thread;
    }

    /** Hands the task to the thread taken for it. */
    void run(Thread thread, Runnable task) {
        Pooled pooled = busy.stream().filter(p -> p.thread == thread).findFirst().orElseThrow();
        pooled.done = new CountDownLatch(1);
        try {
            pooled.tasks.put(task);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting a worker", e);
        }
    }

    /** After a clean schedule: waits until every task returned, then the threads are idle again. */
    void recycle(long timeoutMillis) {
        try {
            for (Pooled pooled : busy) {
                if (pooled.done.await(timeoutMillis, TimeUnit.MILLISECONDS)) {
                    idle.push(pooled);
                } else {
                    pooled.retired = true;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            busy.clear();
        }
    }

    /** After a failed schedule: its threads retire when their tasks end. */
    void abandon() {
        busy.forEach(pooled -> pooled.retired = true);
        busy.clear();
    }

    @Override
    public void close() {
        idle.forEach(pooled -> pooled.retired = true);
        idle.clear();
    }
}
