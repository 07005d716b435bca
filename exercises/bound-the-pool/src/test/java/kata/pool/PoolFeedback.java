package kata.pool;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import kata.support.threads.Threads;

/** What the bound-the-pool checks tell a student when they fail: what was observed, and why it matters. */
final class PoolFeedback {

    private static final String SECONDS = Eventually.MUST_COME.toSeconds() + " s";

    private PoolFeedback() {
    }

    static String wrongResult(String task, String expected, Outcome<?> outcome) {
        return "The future of " + task + " should give " + expected + ", but its get() " + outcome.describe()
                + ".\nA worker runs the task and puts what it returned, or what it threw, into the task's future"
                + " (a FutureTask does both).";
    }

    static String sizeAccepted(String size) {
        return "new BoundedPool(...) with " + size + " should throw IllegalArgumentException: such a pool could"
                + " never run a task.";
    }

    static String taskWithoutResult(int index, Outcome<?> outcome) {
        return "The future of task " + index + " should hold its result, but its get() " + outcome.describe()
                + ". Every task the pool accepted must run, and its future must complete.";
    }

    static String heldResults(int tasks) {
        return "Once the test let them go, the " + tasks + " tasks' futures should hold 0 to " + (tasks - 1)
                + ", each its own task's value";
    }

    static String queuedResults() {
        return "The task that was running and the 4 queued when shutdown() was called must all still run;"
                + " their futures should hold 0 to 4";
    }

    static String badNames(Set<String> allowed, String taskThread, List<String> names) {
        return "The pool's threads should be named " + new TreeSet<>(allowed) + " (the prefix, a dash, 1 to the"
                + " number of workers), one name each. The task ran on \"" + taskThread + "\"; the pool's threads are "
                + names + ".\nPass the name to new Thread(runnable, name): names tell you in a thread dump which"
                + " pool a stuck thread belongs to.";
    }

    static String threadPerTask(int tasks, int workers, Set<Thread> runners) {
        return tasks + " tasks ran on " + runners.size() + " different threads " + Threads.names(runners)
                + ", but a pool of " + workers + " has only " + workers + " threads and reuses them: each worker"
                + " loops, taking the next task from the queue. Starting a thread per task is what a pool avoids.";
    }

    static String submitThrew(int accepted, Throwable failure) {
        return "submit threw " + describe(failure) + " after " + accepted + " tasks were accepted, while the pool"
                + " was running and had room.";
    }

    static String tooManyAtOnce(int workers, int tasks, int inside, Set<Thread> threads) {
        return "The test submitted " + tasks + " tasks that wait until it lets them go, to a pool of " + workers
                + " workers: " + inside + " of them ran at the same time, but at most " + workers
                + " may. The pool's threads: " + Threads.names(threads) + ".\nStart exactly " + workers
                + " worker threads and let only them run tasks; the other tasks wait in the queue.";
    }

    static String tooFewAtOnce(int workers, int tasks, int inside, int accepted, String threads) {
        return "The test submitted " + tasks + " tasks that wait until it lets them go, to a pool of " + workers
                + " workers (" + accepted + " submit calls returned): after " + SECONDS + " only " + inside
                + " of them were running, but " + workers + " should run at once.\nThe pool's threads:\n" + threads
                + "\nDo the workers run tasks while holding the pool's lock? Take the task out of the queue under"
                + " the lock, then release it and run the task.";
    }

    static String extraThreads(int workers, Set<Thread> threads, Set<Thread> running) {
        return "A pool of " + workers + " workers should have exactly the threads that run its tasks, but it has "
                + threads.size() + " threads " + Threads.names(threads) + " while " + running.size() + " run tasks "
                + Threads.names(running) + ".\nStart at most " + workers + " threads, and no extra thread to hand"
                + " out the tasks: the workers take them from the queue themselves.";
    }

    static String peakAfterOpening(int workers, int peak) {
        return "Once the tasks were let go, up to " + peak + " of them ran at the same time, but a pool of "
                + workers + " never runs more than " + workers;
    }

    static String peakWhileHeld(int workers, int peak) {
        return "Up to " + peak + " tasks ran at the same time, but a pool of " + workers + " runs exactly " + workers;
    }

    static String rejectedInsteadOfWaiting(int workers, int capacity, int accepted, Throwable failure) {
        return "With " + workers + " tasks running and the queue full (" + capacity + "), submit threw "
                + describe(failure) + " after " + accepted + " tasks. It should wait until a worker takes a task"
                + " out of the queue (back-pressure): the caller slows down instead of losing work.";
    }

    static String queueUnbounded(int workers, int capacity, int accepted) {
        return "The test submitted tasks that wait until it lets them go, to a pool of " + workers
                + " workers with a queue of " + capacity + ". Once " + workers + " run and " + capacity
                + " wait in the queue, the next submit must wait; but " + accepted + " submit calls returned.\n"
                + "An unbounded queue (or a new thread per task) lets a fast producer pile up work without limit"
                + " until memory runs out. Bound the queue, and wait in submit while it is full.";
    }

    static String notFullYet(int workers, int capacity, int accepted, int inside, Submitter submitter,
                             String threads) {
        int expected = workers + capacity;
        String state = submitter.blocked() ? "waiting at " + submitter.where() : "still running at " + submitter.where();
        return "A pool of " + workers + " workers with a queue of " + capacity + " should accept " + expected
                + " tasks (" + workers + " running, " + capacity + " queued) before submit waits. After " + SECONDS
                + ", " + accepted + " submit calls had returned, " + inside + " tasks were running, and the"
                + " submitter was " + state + ".\n"
                + (accepted < expected && inside == workers
                ? "Do running tasks still count against the queue's capacity? A task leaves the queue when a worker"
                + " takes it.\n" : "")
                + "The pool's threads:\n" + threads;
    }

    static String submitterNeverWoke(int accepted, Submitter submitter) {
        return "The test let the tasks go, so workers took tasks from the full queue and made room, but the"
                + " submitter, blocked after " + accepted + " tasks, never went on (it is at " + submitter.where()
                + "). A worker that takes a task must wake a submitter waiting for room (signal the condition"
                + " it waits on).";
    }

    static String couldNotQueue(int running, int queued, Submitter submitter, PoolScene scene) {
        return "To test shutdown, the test submits " + (running + queued) + " tasks to a pool of 1 worker with a"
                + " queue of 5: " + running + " to run (held until the test lets it go) and " + queued + " to wait."
                + " After " + SECONDS + ", " + submitter.accepted() + " submit calls had returned"
                + (submitter.failure() == null ? "" : " and one threw " + describe(submitter.failure()))
                + " and " + scene.gate().inside() + " task was running.\nThe pool's threads:\n"
                + scene.describePoolThreads();
    }

    static String shutdownDidNotReturn(String when, Outcome<?> outcome) {
        return "shutdown(), called " + when + ", " + outcome.describe() + ". It should only stop the pool from"
                + " taking new tasks and return at once; awaitTermination is the method that waits.";
    }

    static String acceptedAfterShutdown(Outcome<?> outcome) {
        return "submit, called after shutdown() (with room in the queue), " + outcome.describe()
                + ". It should throw RejectedExecutionException: a task accepted after shutdown might never run.";
    }

    static String didNotTerminate(String which, Outcome<Boolean> outcome, String threads) {
        return "After shutdown() of " + which + ", awaitTermination(" + SECONDS + ") " + outcome.describe()
                + "; it should return true because every worker ends.\nThe pool's threads:\n"
                + threads + "\nAfter shutdown, a worker that finds the queue empty must end instead of waiting"
                + " for tasks forever: wake the idle workers in shutdown() (signalAll) and let them check the flag.";
    }

    static String threadsLeft(Set<Thread> threads) {
        return "awaitTermination returned true, but " + SECONDS + " later the pool's threads "
                + Threads.names(threads) + " were still alive. Every worker thread must end after shutdown.";
    }

    static String errorLost(Outcome<?> outcome) {
        return "The future of a task throwing Error(\"task failed hard\") should give an ExecutionException caused"
                + " by that error, but its get() " + outcome.describe() + ".\nCatch Throwable, not only Exception,"
                + " around the task (FutureTask does): whatever a task throws belongs in its future.";
    }

    static String workerDied(Outcome<?> outcome, String threads) {
        return "After one task threw an exception and the next an error, a third task (returning 3) on the same"
                + " pool of 1 worker " + outcome.describe() + ".\nThe pool's threads:\n" + threads
                + "\nA task's failure must not end its worker: keep it in the task's future and go on with the"
                + " next task.";
    }

    static String busyIdleWorkers(String threads) {
        return "With no task left, the pool's workers should wait (blocked, not running), but " + SECONDS
                + " later some were still running:\n" + threads + "\nA worker that loops looking at an empty"
                + " queue burns a whole CPU for nothing. Wait on a condition (await) or in BlockingQueue.take(),"
                + " and let submit wake it.";
    }

    static String couldNotFill(Submitter submitter, int inside) {
        return "To test shutdown with a submitter waiting, the test fills a pool of 1 worker and a queue of 1"
                + " with tasks held until it lets them go, then submits a third. After " + SECONDS + ", "
                + submitter.accepted() + " submit calls had returned"
                + (submitter.failure() == null ? "" : ", one threw " + describe(submitter.failure()))
                + ", " + inside + " task was running, and the submitter was "
                + (submitter.done() ? "done" : (submitter.blocked() ? "waiting" : "running") + " at "
                + submitter.where()) + "; expected 2 returned, 1 running, and the third submit waiting.";
    }

    static String waitingSubmitterStuck(Submitter submitter) {
        return "A submit was waiting for room in the full queue when shutdown() was called. With every task held,"
                + " no room could appear, so only shutdown() could end that wait, but " + SECONDS
                + " later it was still waiting at " + submitter.where() + ".\nshutdown() must wake submitters"
                + " waiting for room (signalAll on their condition), and they must then throw"
                + " RejectedExecutionException. A BlockingQueue.put() cannot be woken that way.";
    }

    static String waitingSubmitterNotRejected(Submitter submitter) {
        return "A submit was waiting for room in the full queue when shutdown() was called; it should throw"
                + " RejectedExecutionException, but it "
                + (submitter.failure() == null ? "returned normally" : "threw " + describe(submitter.failure()))
                + ". A task accepted after shutdown may find every worker gone and never run.";
    }

    static String couldNotStart(Submitter submitter, String threads) {
        return "The test submitted one task (held until it lets it go) to a pool of 1 worker; after " + SECONDS
                + ", " + submitter.accepted() + " submit calls had returned"
                + (submitter.failure() == null ? "" : ", one threw " + describe(submitter.failure()))
                + " and the task had not started.\nThe pool's threads:\n" + threads;
    }

    static String awaitWhileRunning(String when, Outcome<Boolean> outcome) {
        return "awaitTermination(200 ms), called " + when + " while a task was still running, " + outcome.describe()
                + ". It should return false once its 200 ms run out: the pool has not terminated until every"
                + " worker has ended, and the caller must not wait longer than it asked.";
    }

    static String describe(Throwable thrown) {
        return thrown.getClass().getSimpleName() + (thrown.getMessage() == null ? "" : ": " + thrown.getMessage());
    }
}
