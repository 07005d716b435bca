package kata.pool;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import kata.support.threads.Threads;

/** What the bound-the-pool checks tell a student when they fail: what was observed, and the concept. */
final class PoolFeedback {

    private PoolFeedback() {
    }

    static String describe(Duration duration) {
        if (duration.toNanos() % 1_000_000 != 0) {
            return duration.toNanos() / 1_000 + " µs";
        }
        if (duration.toMillis() % 1_000 != 0) {
            return duration.toMillis() + " ms";
        }
        if (duration.toSeconds() % 60 != 0 || duration.toSeconds() < 60) {
            return duration.toSeconds() + " s";
        }
        return duration.toMinutes() + " min";
    }

    static String names(Collection<Thread> threads) {
        return Threads.names(Set.copyOf(threads));
    }

    static String wrongResult(String task, String expected, Object seen) {
        return "The future of " + task + " should give " + expected + ", but its get() " + describeOutcome(seen)
                + ".\nA worker runs the task and puts what it returned, or what it threw, into the task's future"
                + " (a FutureTask does both).";
    }

    static String describeOutcome(Object seen) {
        if (seen instanceof BoundedPoolTest.Thrown || seen instanceof BoundedPoolTest.Never) {
            return seen.toString();
        }
        return "returned " + seen;
    }

    static String sizeAccepted(int workers, int capacity) {
        return "new BoundedPool(" + workers + ", " + capacity + ", ...) should throw IllegalArgumentException: both"
                + " sizes must be at least 1 (a pool without workers never runs a task; a queue of 0 never takes one,"
                + " so every submit would wait for ever).";
    }

    static String badNames(String pool, Set<String> expected, Object taskThread, List<String> names) {
        return pool + ": its threads should be named exactly " + expected + " (the prefix, a dash, 1 to the number"
                + " of workers, counted per pool), one name each. A task ran on \"" + taskThread + "\"; the pool's"
                + " threads are " + names + ".\nPass the name to new Thread(runnable, name), numbering the workers of"
                + " this pool (a static counter goes on counting in the next pool): names tell you in a thread dump"
                + " which pool a stuck thread belongs to.";
    }

    static String threadPerTask(int tasks, int workers, Set<Thread> runners, List<Thread> poolThreads) {
        return tasks + " tasks ran on " + runners.size() + " different threads " + names(runners)
                + ", but a pool of " + workers + " has only its " + workers + " workers " + names(poolThreads)
                + " and reuses them: each worker loops, taking the next task from the queue. Starting a thread per"
                + " task is what a pool avoids.";
    }

    static String couldNotQueue(PoolScene scene, PoolScene.Submitter submitter) {
        return scene.describe() + " with one task running (held by the test): the test's 4 more submits should fit"
                + " in the queue, but " + submitter.accepted() + " of 5 submit calls returned and "
                + scene.inside() + " task runs" + (submitter.done() ? "" : "; \"" + submitter.name() + "\" waits at "
                + submitter.call().where()) + ".";
    }

    static String shutdownWaited(PoolScene scene, String where) {
        return "shutdown() should return at once, but with one task running (held by the test) and tasks queued it"
                + " did not return: it waits at " + where + ".\nshutdown() only refuses new tasks and wakes the"
                + " waiting threads; waiting for the workers to end is awaitTermination's job.";
    }

    static String acceptedAfterShutdown(boolean ended, Throwable thrown) {
        return "submit after shutdown() should throw RejectedExecutionException, but it "
                + (!ended ? "did not return (it waits)" : thrown == null ? "accepted the task" : "threw " + thrown)
                + ".\nA pool that is shutting down refuses new tasks at once.";
    }

    static String acceptedTasksInterrupted(Set<Integer> values) {
        return "Every task accepted before shutdown() must still run, undisturbed, but the tasks returning " + values
                + " ran on a thread the pool had interrupted. shutdown() may wake idle workers (signal the condition"
                + " they wait on, or interrupt only the idle ones), never a worker that runs a task, and a worker"
                + " clears a stray interrupt before it starts the next task.";
    }

    static String threadsLeftByRefusal(int workers, int capacity, String names) {
        return "new BoundedPool(" + workers + ", " + capacity + ", ...) threw IllegalArgumentException, as it should,"
                + " but left these threads running: " + names + ". Check both sizes before starting any thread: a"
                + " refused pool has no way to be shut down.";
    }

    static String queuedResults(List<Integer> values) {
        return "Every task accepted before shutdown() must still run: their futures should hold "
                + PoolScene.upTo(values.size()) + ", but they hold " + values + ".";
    }

    static String didNotTerminate(boolean terminated, String threads) {
        return "After shutdown() and once every task had finished, awaitTermination(10 min) should return true"
                + " with every worker ended, but it returned " + terminated + ". Pool threads still there:\n"
                + threads + "\nA worker ends when the pool is shut down and the queue is empty; shutdown() must"
                + " wake the workers that wait for work.";
    }

    static String submitThrew(PoolScene scene, PoolScene.Submitter submitter) {
        return scene.describe() + ": submit threw " + submitter.failure() + " after " + submitter.accepted()
                + " tasks were accepted, while the pool was running and had room.";
    }

    static String wrongCountAtOnce(PoolScene scene, int tasks, int inside, String threads) {
        return "The test submitted " + tasks + " tasks that stay until it lets them go to " + scene.describe() + ": "
                + inside + " of them ran at the same time once every thread had got as far as it could, but exactly "
                + scene.workers() + " should.\nThe pool's threads:\n" + threads + "\n"
                + (inside < scene.workers()
                ? "Does a worker run its task while holding the pool's lock? Take the task out of the queue under"
                + " the lock, then release it and run the task; and start every worker in the constructor."
                : "Start exactly " + scene.workers() + " worker threads and let only them run tasks; the other"
                + " tasks wait in the queue.");
    }

    static String extraThreads(PoolScene scene, List<Thread> threads, Set<Thread> runners) {
        return scene.describe() + " should have exactly its " + scene.workers() + " workers and run every task on"
                + " them, but its threads are " + names(threads) + " and the tasks ran on " + names(runners)
                + ".\nStart the workers once, in the constructor, and no other thread: each worker takes tasks"
                + " from the queue itself and runs them in its own thread.";
    }

    static String heldResults(int tasks, List<Integer> values) {
        return "Once the test let them go, the " + tasks + " tasks' futures should hold " + PoolScene.upTo(tasks)
                + ", each its own task's value, but they hold " + values + ".";
    }

    static String rejectedInsteadOfWaiting(PoolScene scene, PoolScene.Submitter submitter) {
        return scene.describe() + " with every worker busy: submit threw " + submitter.failure() + " after "
                + submitter.accepted() + " tasks were accepted. When the queue is full, submit must wait for room"
                + " (back-pressure), not refuse the task: refusing loses work.";
    }

    static String wrongBound(PoolScene scene, int accepted, boolean done, String where) {
        int limit = scene.workers() + scene.capacity();
        return scene.describe() + " with " + scene.workers() + " tasks running (held by the test): " + accepted
                + " submit calls returned " + (done ? "and the submitter finished all of them" : "before the next"
                + " one waited (at " + where + ")") + ", but exactly " + limit + " should (" + scene.workers()
                + " running + " + scene.capacity() + " queued), then submit must wait, here for "
                + describe(BoundedPoolTest.LONG_HOLD) + ".\n"
                + (accepted > limit ? "The queue takes more than queueCapacity tasks: a queue without a (right) bound"
                + " lets a fast producer pile up work." : "The queue holds fewer than queueCapacity tasks: count only"
                + " the tasks waiting in the queue, not the running ones.");
    }

    static String afterOneFreed(PoolScene scene, int accepted, int inside, String where, String threads) {
        int limit = scene.workers() + scene.capacity();
        return scene.describe() + ", queue full, submitter waiting: the test let one running task finish. A worker"
                + " should take the next queued task (" + scene.workers() + " running again) and the waiting submit"
                + " should take the freed place: " + (limit + 1) + " accepted in all. Seen: " + accepted
                + " accepted, " + inside + " running; the submitter is at " + where + ".\nThe pool's threads:\n"
                + threads + "\nWhen a worker takes a task, signal the submitters waiting for room (and wait in a"
                + " while loop that re-checks it).";
    }

    static String submitterNeverWoke(PoolScene scene, PoolScene.Submitter submitter, String threads) {
        return scene.describe() + ": after the test let every task go, \"" + submitter.name() + "\" still waits in"
                + " submit at " + submitter.call().where() + " (" + submitter.accepted() + " of " + submitter.tasks()
                + " accepted) after " + describe(PoolScene.PATIENCE) + ".\nThe pool's threads:\n" + threads
                + "\nEvery place a worker frees must wake a waiting submitter.";
    }

    static String futureThrew(String what, int index, Throwable cause) {
        return "The future of task " + index + " of " + what + " should hold its value, but it threw"
                + " ExecutionException caused by " + cause + ".";
    }

    static String futureNeverDone(String what, int index) {
        return "The future of task " + index + " of " + what + " never completed (" + describe(PoolScene.PATIENCE)
                + ", with nothing holding it): every task the pool accepted must run and complete its future.";
    }

    // --- hidden checks ---------------------------------------------------------------------------

    static String boundBrokenAfterWakeUps(PoolScene scene, int round, int queued, int inside) {
        return scene.describe() + " with two submitters waiting for room: after waking them without room (a"
                + " spurious wake-up, which the JVM may do at any time; round " + round + "), " + queued
                + " tasks were queued and " + inside + " running, but at most " + scene.capacity() + " and "
                + scene.workers() + ". Wait in a while loop that re-checks the room after every wake-up.";
    }

    static String boundBrokenAfterRelease(PoolScene scene, int round, int queued, int inside) {
        return scene.describe() + " with two submitters competing for room: after the test let " + round
                + " task(s) finish one at a time, " + queued + " tasks were queued and " + inside
                + " running, but at most " + scene.capacity() + " and " + scene.workers() + ".\nCheck for room and"
                + " add the task in one step under the lock, and re-check after waking: another submitter may"
                + " have taken the place first.";
    }

    static String wakeUpLost(PoolScene scene, PoolScene.Submitter submitter, String threads) {
        return scene.describe() + " with two submitters: after the test let every task go, \"" + submitter.name()
                + "\" still waits in submit at " + submitter.call().where() + " (" + submitter.accepted() + " of "
                + submitter.tasks() + " accepted).\nThe pool's threads:\n" + threads + "\nA wake-up was lost: with"
                + " workers and submitters waiting on one monitor or condition, notify()/signal() may wake the"
                + " wrong kind of waiter. Use two conditions, or notifyAll()/signalAll().";
    }

    static String getMissedItsResult(String trace) {
        return "submit(() -> 6 * 7) and then get() at once: in the order of steps below, get() waits for ever although"
                + " the task has returned. The worker's wake-up came between get()'s look at the result and its wait,"
                + " when nobody waited yet. Look at the result and wait under the same lock the worker sets it under"
                + " (synchronized (lock) { while (!done) lock.wait(); }), so that the wake-up cannot fall in between.\n"
                + trace;
    }

    static String workerDied(Object third, List<Thread> poolThreads, String threads) {
        return "A pool of 1 worker ran a task that threw an Error and one that threw an exception; the next task"
                + " (returning 3) should run on the same worker, but its get() " + describeOutcome(third)
                + ", and the pool's threads were " + names(poolThreads) + ". Live:\n" + threads
                + "\nCatch Throwable around the task (or let FutureTask do it): a failing task must not end its"
                + " worker, nor need a new one.";
    }

    static String busyWaiting(String failure) {
        return "Idle workers (or waiting submitters) kept running instead of waiting: the threads never settled."
                + " Wait on a condition (or take() from a blocking queue) and be woken when there is work; never"
                + " spin or poll.\n" + failure;
    }

    static String idleNotEnded(PoolScene scene, boolean used, String threads) {
        return scene.describe() + (used ? ", idle after running two tasks" : ", never used") + ": after shutdown()"
                + " every worker should end at once, without any time passing, but these are still there:\n"
                + threads + "\nshutdown() must wake every idle worker (signalAll/notifyAll), and a worker that wakes"
                + " up with the pool shut down and the queue empty ends. A worker that only notices on its next"
                + " timed look is polling.";
    }

    static String idleMissedShutdown() {
        return "A pool of 1 worker, shut down as soon as it was made: in one order of the threads' steps its worker"
                + " had not ended a minute later. The worker woke up (or was about to wait)"
                + " before shutdown() had recorded that the pool is shut down, looked, and waited again with nobody"
                + " left to wake it. Change the state first, then wake the waiters, both under the lock they wait"
                + " on (set the flag and notifyAll/signalAll inside the same synchronized block or lock).";
    }

    static String awaitFalseAfterEnd(PoolScene scene) {
        return scene.describe() + ": every worker had ended after shutdown(), but awaitTermination(1 s) returned"
                + " false.";
    }

    static String waitingSubmitterNotRejected(PoolScene.Submitter submitter, boolean done, String where) {
        return "A pool of 1 worker with a queue of 1, both full: \"" + submitter.name() + "\" waited for room when"
                + " shutdown() was called. It should throw RejectedExecutionException at once, but it "
                + (done ? (submitter.failure() == null ? "was accepted" : "threw " + submitter.failure())
                : "still waits at " + where) + ".\nshutdown() must wake the submitters waiting for room too, and a"
                + " submitter that wakes up re-checks the shutdown flag (BlockingQueue.put cannot be woken so).";
    }

    static String interruptIgnored(boolean done, Throwable failure, String where) {
        return "A submit waiting for room (pool of 1 worker, queue of 1, both full) was interrupted: it should throw"
                + " InterruptedException, but it " + (done ? (failure == null ? "returned" : "threw " + failure)
                : "still waits at " + where) + ".\nWait with await() (or wait()), which answers an interrupt,"
                + " and let the InterruptedException out of submit.";
    }

    static String interruptedTaskRan(int entered) {
        return "The task of a submit that threw InterruptedException ran anyway (" + entered + " tasks ran, 2 were"
                + " accepted): a submit that throws has not accepted its task.";
    }

    static String awaitNeverReturned(Duration timeout, String where) {
        return "awaitTermination(" + describe(timeout) + ") with tasks still running (held by the test) did not"
                + " return after " + describe(PoolScene.PATIENCE) + ": it waits at " + where + ". It must give up"
                + " when its timeout is over.";
    }

    static String awaitTrueWhileRunning(Duration timeout, int inside, String threads) {
        return "awaitTermination(" + describe(timeout) + ") returned true after shutdown() while " + inside
                + " tasks still ran (held by the test) and the workers were alive:\n" + threads + "\nIt returns"
                + " true only when every worker thread has ended (join them), not when the queue is empty.";
    }

    static String awaitTook(Duration timeout, Duration took) {
        return "awaitTermination(" + describe(timeout) + ") with 3 workers that could not end returned false after "
                + describe(took) + ": it should give up when its timeout is over, not before and not much later."
                + "\nKeep one deadline (System.nanoTime() + timeout) and wait for each worker only what is left of"
                + " it, in nanoseconds or rounded up (getSeconds() or toMillis() drops the rest).";
    }

    static String awaitFalseAlthoughEnding(Duration timeout) {
        return "awaitTermination(" + describe(timeout) + "), called as the last tasks were let go, returned false,"
                + " although the workers ended at once (no time had to pass). It must wait for them, up to its"
                + " whole timeout, however short (a timeout below a second is not zero).";
    }

    static String awaitTrueWhileAlive(Duration timeout, String threads) {
        return "awaitTermination(" + describe(timeout) + ") returned true while workers were still running:\n"
                + threads + "\nIt returns true only when every worker thread has ended (join them).";
    }
}
