package kata.pool;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.Future;

/**
 * A thread pool with a fixed number of workers and a bounded queue: the seed's
 * {@code ThreadPoolExecutor(max_workers=3)}, but one that never takes on more work than it can hold.
 * When every worker is busy and the queue is full, {@link #submit} waits for room (back-pressure).
 *
 * <p>Build it yourself from threads, locks, conditions or blocking queues; the JDK's ready-made
 * executors ({@code ThreadPoolExecutor}, {@code Executors}, {@code ForkJoinPool}) are off limits.
 */
public class BoundedPool {

    /**
     * Creates the pool. It runs tasks on at most {@code workers} threads of its own, named
     * {@code <namePrefix>-1} to {@code <namePrefix>-<workers>}, keeps them for the pool's whole life
     * (one thread runs many tasks), and starts no other threads. At most {@code queueCapacity} tasks
     * wait for a worker at any time.
     *
     * @throws IllegalArgumentException if {@code workers} or {@code queueCapacity} is less than 1
     */
    public BoundedPool(int workers, int queueCapacity, String namePrefix) {
        throw new UnsupportedOperationException("BoundedPool(workers, queueCapacity, namePrefix) is not written"
                + " yet: create the shared task queue and start the named worker threads that take tasks from it.");
    }

    /**
     * Hands a task to the pool. A worker runs it later; the returned future then holds what the task
     * returned, or the exception (or error) it threw. When {@code queueCapacity} tasks are already
     * waiting, this call waits until a worker takes one.
     *
     * @throws java.util.concurrent.RejectedExecutionException once {@link #shutdown()} has been
     *         called, also in a call that was waiting for room at that moment
     * @throws InterruptedException if the calling thread is interrupted while it waits for room
     */
    public <T> Future<T> submit(Callable<T> task) throws InterruptedException {
        throw new UnsupportedOperationException("BoundedPool.submit(task) is not written yet: wrap the task in a"
                + " future, wait while the queue is full, then put it in the queue for a worker.");
    }

    /**
     * Stops accepting tasks and returns at once, without waiting. Every task already accepted still
     * runs; then each worker thread ends.
     */
    public void shutdown() {
        throw new UnsupportedOperationException("BoundedPool.shutdown() is not written yet: refuse new tasks, let"
                + " the workers finish the queued ones, and wake idle workers so that they can end.");
    }

    /**
     * Waits until every worker thread of the pool has ended, but no longer than {@code timeout}.
     *
     * @return true if all workers ended, false if the time ran out first
     * @throws InterruptedException if the calling thread is interrupted while it waits
     */
    public boolean awaitTermination(Duration timeout) throws InterruptedException {
        throw new UnsupportedOperationException("BoundedPool.awaitTermination(timeout) is not written yet: wait"
                + " (with a deadline) until every worker thread has ended, e.g. by joining them.");
    }
}
