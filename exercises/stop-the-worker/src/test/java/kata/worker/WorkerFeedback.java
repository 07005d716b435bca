package kata.worker;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import kata.support.agent.StudentCode;
import kata.support.threads.Deadlocks;
import kata.support.threads.LockNames;

/** What the stop-the-worker checks tell a student when they fail: what was observed, and why. */
final class WorkerFeedback {

    static final String VISIBILITY = "A plain field written by one thread may never be seen by another: once the"
            + " worker's loop is compiled, the JIT may read a plain flag once, before the loop, and never again"
            + " (nothing in the loop changes it, as far as that thread can tell). Declare the flag volatile, use an"
            + " AtomicBoolean, or interrupt the worker thread: each makes the write visible to the loop.";

    static final String JOIN = "stop() must wait until the worker thread has ended: join() it. join() also makes"
            + " everything the worker wrote (its count of rounds) visible to the thread that joined.";

    private WorkerFeedback() {
    }

    static String neverBegan(Duration bound) {
        return "The worker had not called the chore's begin() " + seconds(bound) + " after start(): start() must"
                + " start a thread that calls begin(), then round() until it is asked to stop, then end().";
    }

    static String ranOnCaller(String caller) {
        return "The chore ran on the thread that called start() (\"" + caller + "\"), not on a worker thread of"
                + " its own. start() must start a new thread (Thread.start(), not run()) and return at once.";
    }

    static String startDidNotReturn(Duration bound) {
        return "start() had not returned " + seconds(bound) + " after the worker thread began (the check holds"
                + " it in begin()): start() must start the thread and return at once, without waiting for it.";
    }

    static String endSkipped(String worker) {
        return "The worker thread \"" + worker + "\" ended without calling the chore's end(), and stop() had"
                + " returned: the worker must call end() once after its last round, also when it was asked to stop"
                + " before its first one.";
    }

    static String startWaitsForWorker() {
        return "start() waits while the worker thread is in begin() (the check holds it there): start() must"
                + " start the thread and return at once, without waiting for the worker to begin.";
    }

    static String stopNeverReturned(Duration bound) {
        return "The worker was free to finish, but stop() had not returned " + seconds(bound) + " later.";
    }

    static String neverEnded(Duration bound) {
        return "stop() had returned, but " + seconds(bound) + " later the worker had still not called end(): the"
                + " worker must leave its loop when asked to stop, and then call end() once.";
    }

    static String calls(String method, int expected, int actual) {
        return "The worker called the chore's " + method + " " + actual + " times; it must call it exactly "
                + expected + " time" + (expected == 1 ? "" : "s") + ".";
    }

    static String returnedBeforeWorkerEnded(String where) {
        return "stop() returned while the worker was still " + where + " (the check held it there): the worker"
                + " had not finished. " + JOIN;
    }

    static String stopDidNotBlock(Duration bound) {
        return "While the worker was held (in begin() or end()), stop() neither returned nor blocked waiting for it"
                + " within " + seconds(bound) + ": it kept running. Do not spin in a loop until the worker is done; "
                + JOIN;
    }

    static String wrongCount(long returned, long done) {
        return "stop() returned " + returned + " rounds, but the worker did " + done + " rounds (counted by the"
                + " chore when end() was called). Count every round that was done, and only those, and return the"
                + " count the worker thread wrote after it has ended: " + JOIN;
    }

    static String endedElsewhere(String worker, String ender) {
        return "The chore's end() ran on thread \"" + ender + "\", not on the worker thread \"" + worker + "\" that"
                + " called begin(): the worker thread itself calls end(), once, after its last round.";
    }

    static String waitsHoldingWorkersLock(String threads) {
        return "stop() waits for the worker while holding a lock that the worker needs to go on: neither can"
                + " ever move again (a deadlock).\n" + threads + "\nDo not hold a lock while waiting for the worker"
                + " to finish: make the request to stop a volatile field (or an atomic) that the worker reads"
                + " without a lock, or release the lock before you join the worker.";
    }

    static String keptRunning(long cpuMillis, Optional<String> plainRequest) {
        return "stop() was called, but the worker went on with its rounds: it used " + cpuMillis + " ms more of"
                + " CPU in its loop without calling end(). It never saw the request to stop"
                + plainRequest.map(field -> ": " + field + ".\n" + VISIBILITY)
                        .orElse(". Make the request before stop() waits, and have the worker look at it before"
                                + " every round; an interrupt used as the request is lost if something clears it"
                                + " (Thread.interrupted(), or catching InterruptedException) and does not set it"
                                + " again.");
    }

    static String stopWaitedForTheOther(boolean otherStartedFirst, Duration bound) {
        return "Two workers ran, the " + (otherStartedFirst ? "second" : "first") + " one started was held in"
                + " begin() and stopped, and let go; its stop() had still not returned " + seconds(bound) + " later,"
                + " while the other worker was running. Did it wait for the other worker's thread? Each worker keeps"
                + " its own thread, request and count in fields of its own, not static ones.";
    }

    static String wokeTheWrongOwner(boolean ownerWaitedFirst, boolean itsWorkerEndedFirst, Duration bound) {
        return "Two owners stopped a worker each, at the same time: both workers were held in end() while both"
                + " stop() calls waited. The worker of the owner that began waiting " + (ownerWaitedFirst ? "first" : "second")
                + " ended " + (itsWorkerEndedFirst ? "first" : "second, after the other owner's stop() had returned")
                + ", yet that owner's stop() had still not returned " + seconds(bound) + " later. The wake-up went"
                + " to the other owner, or was used up already: each worker must wake its own owner (a lock, latch"
                + " or thread of its own, and join() it); notify() on a lock that all workers share (a static one)"
                + " wakes any one of the waiting owners.";
    }

    static String countedTheOthersRounds(long returned, long done) {
        return "Two workers ran; the one stopped while still in begin() did " + Math.max(0, done) + " rounds, yet its"
                + " stop() returned " + returned + ": did it count the other worker's rounds? Each worker keeps its own"
                + " count, not a static one.";
    }

    static String skippedBegin() {
        return "Asked to stop right after start(), before its thread had begun (the check held the new thread at"
                + " its start), the worker never called the chore's begin(): the worker thread calls begin() first,"
                + " whenever the request comes, then checks it before every round, then calls end().";
    }

    static String roundsAfterRequestInRound(long round, long rounds) {
        return "The worker was asked to stop during its round " + round + " (the check held it there), yet it did "
                + rounds + " rounds in all: stop() asks the worker to stop after its current round, so check the"
                + " request before every round, not every so often.";
    }

    static String roundsAfterStop(long rounds) {
        return "The worker was asked to stop while it was still in the chore's begin() (the check held it there),"
                + " yet it then did " + rounds + " round" + (rounds == 1 ? "" : "s") + ": check the request before"
                + " every round, the first one too (a while loop, not do-while). Asked to stop before its first round,"
                + " a worker does no round and stop() returns 0.";
    }

    static String interruptIgnored(Duration bound) {
        return "The thread waiting in stop() was interrupted, but " + seconds(bound) + " later stop() had neither"
                + " returned nor thrown (the worker was still held in begin()). stop() declares InterruptedException:"
                + " a wait that is interrupted (join(), await(), get()) throws it; let it propagate.";
    }

    static String interruptSwallowed(String outcome) {
        return "The thread waiting in stop() was interrupted while the worker was still held in begin(), and stop() "
                + outcome + " instead of throwing InterruptedException. That count is"
                + " not final (the worker had not ended), and the caller never learns it was interrupted: do not catch"
                + " the InterruptedException of join() in stop(); let it propagate, as the signature says.";
    }

    static String stoppedTheOther() {
        return "Two workers were running; stopping one of them made the other end too (it called end() without"
                + " being asked). Each worker has its own request to stop: not a static field shared by all workers.";
    }

    static String endedUnasked() {
        return "The worker thread ended before it was asked to stop: it must keep doing rounds until stop().";
    }

    static String neverGotHot(long cpuMillis, Duration bound) {
        return "The worker thread used only " + cpuMillis + " ms of CPU in " + seconds(bound) + ": it should be"
                + " doing rounds all the time until it is asked to stop (no sleeping or waiting in the loop).";
    }

    static String neverSawStop(long cpuMillis, Duration bound) {
        return "The worker had been doing rounds for " + cpuMillis + " ms of CPU (long enough for the JIT to compile"
                + " its loop) when stop() was called; " + seconds(bound) + " later the worker was still in its loop:"
                + " it never saw the request to stop.\n" + VISIBILITY;
    }

    static String stoppedByLuck(long cpuMillis, String plainField) {
        return "The worker stopped this time, but only by luck: " + plainField + ". After " + cpuMillis
                + " ms of CPU its loop was compiled, and the JIT may then read a plain field once, before the loop,"
                + " and never again; it did not this time, but on another run, JVM or machine this worker never"
                + " stops.\n" + VISIBILITY;
    }

    static String leftIdleInPool(String names) {
        return "The worker had been stopped, but these threads started during the check wait for work in a thread"
                + " pool that nobody shut down, and so will never end: " + names + ". Every thread you start must"
                + " end: shut down an executor you create.";
    }

    static String leftRunning(String names, Duration bound) {
        return "The worker had been stopped, but " + seconds(bound) + " later these threads started during the check"
                + " were still alive: " + names + ". Every thread you start must end: shut down an executor you"
                + " create.";
    }

    static String threw(Throwable cause) {
        StackTraceElement frame = StudentCode.firstStudentFrame(cause.getStackTrace());
        String where = frame == null ? "" : " at " + StudentCode.location(frame);
        return "The worker threw " + cause.getClass().getSimpleName() + where
                + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    }

    /** Where the boss thread is, for a message about a call that did not return. */
    static String whereIs(Thread boss) {
        if (!boss.isAlive()) {
            return "";
        }
        return "\nWhere the boss thread (the caller of start() and stop()) was:\n"
                + Deadlocks.describe(List.of(boss), LockNames.none());
    }

    private static String seconds(Duration duration) {
        return duration.toSeconds() + " s";
    }
}
