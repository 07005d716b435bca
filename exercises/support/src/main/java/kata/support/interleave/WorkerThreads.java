package kata.support.interleave;

import java.util.ArrayList;
import java.util.List;

/**
 * Threads for the threads of a scenario, reused from one schedule to the next: an exploration runs
 * thousands of short schedules, and starting threads for each would dominate its time. Handing a
 * thread its task does not wait for it; a thread is taken again once it is idle. A thread whose
 * schedule failed retires when its task ends (and stays behind only if its task never does).
 */
final class WorkerThreads implements AutoCloseable {

    private final List<Pooled> pooled = new ArrayList<>();
    private final List<Pooled> inUse = new ArrayList<>();

    private static final class Pooled {
        final Thread thread;
        private Runnable task;
        private boolean busy;
        private boolean retired;

        Pooled() {
            thread = new Thread(this::loop, "kata-scenario-thread");
            thread.setDaemon(true);
            thread.start();
        }

        synchronized void give(Runnable next) {
            task = next;
            busy = true;
            notifyAll();
        }

        /** Waits (really) up to {@code millis} for the thread to be idle again; true when it is. */
        synchronized boolean awaitIdle(long millis) {
            long deadline = System.nanoTime() + millis * 1_000_000L;
            while (busy && !retired) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                try {
                    wait(left / 1_000_000L + 1);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return !busy && !retired;
        }

        synchronized void retire() {
            retired = true;
            notifyAll();
        }

        private void loop() {
            while (true) {
                Runnable next;
                synchronized (this) {
                    while (task == null && !retired) {
                        try {
                            wait();
                        } catch (InterruptedException e) {
                            // Only retiring ends this thread.
                        }
                    }
                    if (task == null) {
                        return;
                    }
                    next = task;
                    task = null;
                }
                try {
                    next.run();
                } finally {
                    synchronized (this) {
                        busy = false;
                        notifyAll();
                    }
                }
                if (Thread.interrupted()) {
                    // An interrupt meant for the last task must not reach the next one.
                    continue;
                }
            }
        }
    }

    /** A thread for the next task (the {@code slot}-th of the schedule); start it with {@link #run}. */
    Thread take(String name, long idleWaitMillis) {
        int slot = inUse.size();
        Pooled thread = slot < pooled.size() ? pooled.get(slot) : null;
        if (thread == null || !thread.awaitIdle(idleWaitMillis)) {
            if (thread != null) {
                thread.retire();
            }
            thread = new Pooled();
            if (slot < pooled.size()) {
                pooled.set(slot, thread);
            } else {
                pooled.add(thread);
            }
        }
        thread.thread.setName(name);
        inUse.add(thread);
        return thread.thread;
    }

    /** Hands the task to the thread taken for it, without waiting for it. */
    void run(Thread thread, Runnable task) {
        inUse.stream().filter(p -> p.thread == thread).findFirst().orElseThrow().give(task);
    }

    /** After a clean schedule: the threads will be idle again soon and are taken again then. */
    void recycle() {
        inUse.clear();
    }

    /** After a failed schedule: its threads retire when their tasks end. */
    void abandon() {
        inUse.forEach(Pooled::retire);
        pooled.removeAll(inUse);
        inUse.clear();
    }

    @Override
    public void close() {
        pooled.forEach(Pooled::retire);
        pooled.clear();
        inUse.clear();
    }
}
