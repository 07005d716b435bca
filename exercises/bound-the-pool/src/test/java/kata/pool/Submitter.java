package kata.pool;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import kata.support.threads.Deadlocks;
import kata.support.threads.Threads;

/**
 * A thread of the test that submits tasks one after another, so that the test can watch it: how
 * many {@code submit} calls have returned, whether it is blocked in one, and what a call threw.
 */
final class Submitter {

    private final Thread thread;
    private final List<Future<Integer>> futures = new CopyOnWriteArrayList<>();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();

    private Submitter(String name, BoundedPool pool, List<Callable<Integer>> tasks) {
        this.thread = new Thread(() -> submitAll(pool, tasks), name);
    }

    static Submitter start(String name, BoundedPool pool, List<Callable<Integer>> tasks) {
        Submitter submitter = new Submitter(name, pool, tasks);
        submitter.thread.setDaemon(true);
        submitter.thread.start();
        return submitter;
    }

    private void submitAll(BoundedPool pool, List<Callable<Integer>> tasks) {
        try {
            for (Callable<Integer> task : tasks) {
                futures.add(pool.submit(task));
            }
        } catch (Throwable thrown) {
            failure.set(thrown);
        }
    }

    Thread thread() {
        return thread;
    }

    /** How many submit calls have returned. */
    int accepted() {
        return futures.size();
    }

    List<Future<Integer>> futures() {
        return List.copyOf(futures);
    }

    /** True once every submit call returned or one threw. */
    boolean done() {
        return !thread.isAlive();
    }

    /** True while the thread is blocked or waiting, i.e. inside a submit call that waits for room. */
    boolean blocked() {
        return Threads.isWaiting(thread);
    }

    /** What a submit call threw, or null. */
    Throwable failure() {
        return failure.get();
    }

    /** Where the submitter is in the pool's code right now. */
    String where() {
        return Deadlocks.where(thread.getStackTrace());
    }
}
