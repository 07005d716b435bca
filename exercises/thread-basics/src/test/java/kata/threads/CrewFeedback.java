package kata.threads;

import java.time.Duration;
import java.util.List;
import kata.support.agent.StudentCode;
import kata.support.threads.Deadlocks;
import kata.support.threads.LockNames;

/** What the thread-basics checks tell a student when they fail: what was observed, and why. */
final class CrewFeedback {

    static final String START_NOT_RUN = "start() asks the JVM for a new thread and returns at once; the new"
            + " thread then calls run(). Calling run() yourself is an ordinary method call: the work runs right"
            + " there, on the caller's thread.";

    private CrewFeedback() {
    }

    static String ranOnCaller(String job, String caller) {
        return "The job \"" + job + "\" ran on the thread that launched it (\"" + caller + "\"), not on a new"
                + " thread.\n" + START_NOT_RUN;
    }

    static String neverRan(String job, Duration bound) {
        return "The job \"" + job + "\" had not run " + seconds(bound) + " after it was launched: launch must"
                + " start a thread that runs the job's work.";
    }

    static String ranElsewhere(String job, String ranOn, String returned) {
        return "The job \"" + job + "\" ran on thread \"" + ranOn + "\", but the launch returned thread \""
                + returned + "\": return the thread you started for the job.";
    }

    static String wrongName(String how, String expected, String actual) {
        return how + " gave a thread named \"" + actual + "\", not \"" + expected + "\". A thread carries its"
                + " name itself: new Thread(work, name), or super(name) in JobThread's constructor. A name kept"
                + " in a field of your own is invisible to getName(), thread dumps and debuggers.";
    }

    static String wrongClass(String how, String expected, Class<?> actual) {
        return how + " gave a " + actual.getName() + ", but it should give a " + expected + ".";
    }

    static String notAllInFlight(int jobs, int inside, int peak, Duration bound) {
        return jobs + " jobs were launched that each wait until the check lets them go, but " + seconds(bound)
                + " later only " + inside + " of them were running (never more than " + peak + " at once)."
                + " Every job must be in flight at the same time: launch must return right after start(),"
                + " without waiting for the job (no join there), and start the job itself (not later, in"
                + " awaitAll).";
    }

    static String stuckInLaunch(Duration bound) {
        return "A launch had not returned " + seconds(bound) + " later: it waited for its job, which the check"
                + " holds until it has seen every job running. launch must start the thread and return at once:"
                + " no join() there, and start(), not run().";
    }

    static String notTheLaunchedThreads(String running, String launched) {
        return "The jobs were running on the threads " + running + ", but the launches returned the threads "
                + launched + ": return the very thread you started for each job.";
    }

    static String jobOnBoss(String caller) {
        return "A job was running on the thread that launched it (\"" + caller + "\"), not on a new thread.\n"
                + START_NOT_RUN;
    }

    static String missedDeadline(int running, Duration deadline, Duration bound) {
        return "awaitAll(" + millis(deadline) + ") had not returned " + seconds(bound) + " later, with " + running
                + " threads still running (they wait until the check lets them go): it must give up at the"
                + " deadline. Join with a time limit, and only for the time left until the one deadline."
                + " Beware: join(0) waits forever, and join() without a limit ignores the deadline.";
    }

    static String perThreadDeadline(int running, Duration deadline, Duration bound) {
        return "awaitAll(" + millis(deadline) + ") had not returned " + seconds(bound) + " later, with " + running
                + " threads still running. Giving each thread the whole deadline (join(" + deadline.toMillis()
                + ") for each) waits up to " + running + " x " + millis(deadline) + ". The deadline is for all"
                + " threads together: compute one end time, and join each thread only for the time left until"
                + " then (nothing once it has passed).";
    }

    static String zeroDeadline(int running, Duration bound) {
        return "awaitAll(0 ms) had not returned " + seconds(bound) + " later, with " + running + " threads still"
                + " running. A deadline of zero means: do not wait, just report who is alive. Careful: join(0)"
                + " does not mean \"do not wait\", it means \"wait forever\".";
    }

    static String wrongAlive(String situation, List<String> expected, List<String> actual) {
        return situation + ": awaitAll should report " + expected + " (the threads still alive, in launch"
                + " order), but it reported " + actual + ".";
    }

    static String reportedFinished(List<String> expected, List<String> actual) {
        return wrongAlive("Two of four jobs had finished before awaitAll(300 ms), the other two were still"
                + " running", expected, actual) + " Report only the threads that are still alive (isAlive()),"
                + " not everyone once the deadline has passed.";
    }

    static String returnedEarly(long elapsedMillis, Duration deadline) {
        return "awaitAll(" + millis(deadline) + ") returned after " + elapsedMillis + " ms, while all its threads"
                + " were still running: it must wait until they finish or the deadline passes.";
    }

    static String didNotWait(List<String> reported) {
        return "awaitAll(30 s) returned at once, reporting " + reported + " still alive, while the jobs were"
                + " running: it must wait for them (join) until they finish or the deadline passes.";
    }

    static String notBackAfterFinish(Duration deadline, Duration bound) {
        return "Every job had finished, but awaitAll(" + seconds(deadline) + ") had not returned " + seconds(bound)
                + " later. It"
                + " must return as soon as the threads have finished, not sleep until the deadline: join() returns"
                + " when the thread ends.";
    }

    static String neverWaitedInAwaitAll(Duration bound) {
        return "The jobs were launched and awaitAll(30 s) called, but " + seconds(bound) + " later the boss"
                + " thread was neither waiting in awaitAll nor done. launch must return while the job runs, and"
                + " awaitAll must block in join() while the threads run (not spin in a loop).";
    }

    static String wrongAliveCount(String when, int expected, int actual) {
        return "aliveCount() returned " + actual + " " + when + ", when exactly " + expected + " of the crew's"
                + " threads were alive. Count the crew's own threads with isAlive(). Thread.activeCount()"
                + " counts every thread of the thread group (the test's too), and is only an estimate.";
    }

    static String leftRunning(String names, Duration bound) {
        return "Every job had finished and awaitAll had returned, but " + seconds(bound) + " later these threads"
                + " started during the check were still alive: " + names + ". Every thread you start must end:"
                + " shut down an executor you create, cancel a timer.";
    }

    static String threw(Throwable cause) {
        StackTraceElement frame = StudentCode.firstStudentFrame(cause.getStackTrace());
        String where = frame == null ? "" : " at " + StudentCode.location(frame);
        String hint = "timeout value is negative".equals(cause.getMessage())
                ? "\nThread.join refuses a negative time: once the deadline has passed, stop joining." : "";
        return "The crew threw " + cause.getClass().getSimpleName() + where
                + (cause.getMessage() == null ? "" : ": " + cause.getMessage()) + hint;
    }

    /** Where the boss thread is, for a message about a call that did not return. */
    static String whereIs(Thread boss) {
        if (!boss.isAlive()) {
            return "";
        }
        return "\nWhere the boss thread was:\n" + Deadlocks.describe(List.of(boss), LockNames.none());
    }

    private static String seconds(Duration duration) {
        return duration.toSeconds() + " s";
    }

    private static String millis(Duration duration) {
        return duration.toMillis() + " ms";
    }
}
