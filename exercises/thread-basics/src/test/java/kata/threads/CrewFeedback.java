package kata.threads;

import java.time.Duration;
import java.util.List;
import kata.support.agent.StudentCode;
import kata.support.threads.Call;
import kata.support.threads.Deadlocks;
import kata.support.threads.LockNames;

/** What the thread-basics checks tell a student when they fail: what was observed, and why. */
final class CrewFeedback {

    static final String START_NOT_RUN = "start() asks the JVM for a new thread and returns at once; the new"
            + " thread then calls run(). Calling run() yourself is an ordinary method call: the work runs right"
            + " there, on the caller's thread.";

    static final String ONE_DEADLINE = "The deadline is for all threads together: compute one end time"
            + " (System.nanoTime() + deadline) and join each thread only for the time left until then, nothing"
            + " once it has passed.";

    private CrewFeedback() {
    }

    static String ranOnCaller(String job, String caller) {
        return "The job \"" + job + "\" ran on the thread that launched it (\"" + caller + "\"), not on a new"
                + " thread, and the launch did not return while the job ran.\n" + START_NOT_RUN;
    }

    static String stuckInLaunch() {
        return "The launches had not returned while their jobs ran (each job waits until the check lets it"
                + " go). launch must start the thread and return at once: no join() there, and start(), not"
                + " run().";
    }

    static String neverRan(String job, String how) {
        return "The job \"" + job + "\" never ran, although the thread " + how + " returned had ended: the"
                + " thread must run the job's work (Thread(work, name), or JobThread.run() calling the work).";
    }

    static String ranTwice(String job, String how, int times) {
        return "The job \"" + job + "\" given to " + how + " ran " + times + " times, not once. A JobThread"
                + " either overrides run() or passes the work to Thread as its target, not both: Thread.run()"
                + " runs the target, so calling super.run() after the work runs it again.";
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

    static String nameSeenByJob(String how, String name, String seen) {
        return "A job launched with " + how + "(new Job(\"" + name + "\", ...)) asked for its thread's name as it"
                + " started and got \"" + seen + "\": in some schedule the new thread ran before it had its name."
                + " Give the name when the thread is made (new Thread(work, name), super(name)), not with"
                + " setName() after start(): from start() on, the job may already be running.";
    }

    static String wrongClass(String how, String expected, Class<?> actual) {
        return how + " gave a " + actual.getName() + ", but it should give a " + expected + ".";
    }

    static String notAllInFlight(int jobs, int inside) {
        return jobs + " jobs were launched that each wait until the check lets them go, but only " + inside
                + " of them were running once every thread had got as far as it could. Every job must be in"
                + " flight at the same time: launch must start the job's thread itself (not later, in awaitAll)"
                + " and return right after start().";
    }

    static String notTheLaunchedThreads(String running, String launched) {
        return "The jobs were running on the threads " + running + ", but the launches returned the threads "
                + launched + ": return the very thread you started for each job.";
    }

    static String missedDeadline(int running, Duration deadline, Duration patience) {
        return "awaitAll(" + text(deadline) + ") had not returned " + text(patience) + " later, with " + running
                + " threads still running (they wait until the check lets them go): it must give up at the"
                + " deadline. Join with a time limit, and only for the time left until the one deadline."
                + " Beware: join(0) waits forever (and join(millis) rounds a fraction of a millisecond down to"
                + " 0), join() without a limit ignores the deadline, and TimeUnit.X.timedJoin takes a time in"
                + " X.";
    }

    static String returnedEarly(Duration took, Duration deadline, int running, List<String> reported) {
        return "awaitAll(" + text(deadline) + ") returned after " + text(took) + ", reporting " + reported
                + ", while " + (running == 1 ? "its one thread was" : "all " + running + " threads were") + " still running: it must wait until they finish or the"
                + " whole deadline has passed. (Duration.getNano() is only the nanoseconds within the second:"
                + " toNanos() is the whole duration. A time left rounded down to whole milliseconds for join(millis)"
                + " ends early: round up, or join for the nanoseconds left with TimeUnit.NANOSECONDS.timedJoin.)";
    }

    static String sharedDeadline(Duration deadline, Duration took, List<String> reported, List<String> running,
            String timeline) {
        return "awaitAll(" + text(deadline) + ") returned after " + text(took) + ", reporting " + reported + ", while "
                + running + " still ran and the deadline had not come (" + timeline + "). It must wait until every"
                + " thread has finished or the whole deadline has passed. The deadline is one moment for the whole"
                + " crew, not a budget shared out among the threads: a thread that runs longer than its share but"
                + " ends before the deadline is waited for, whichever order the threads end in.\n" + ONE_DEADLINE;
    }

    static String deadlineMoved(Duration deadline, Duration took, Duration due, String timeline) {
        return "awaitAll(" + text(deadline) + ") returned only after " + text(took) + " (" + timeline + "): it should"
                + " have returned after " + text(due) + ", as the last job ended or the deadline passed, whichever came"
                + " first, and at most " + text(CrewTest.LATE) + " after the deadline. The deadline is one moment for the"
                + " whole crew, fixed when awaitAll is called: a thread that ends gives the others no more time.\n"
                + ONE_DEADLINE;
    }

    static String returnedLate(int running, Duration deadline, Duration took) {
        return "awaitAll(" + text(deadline) + ") returned only after " + text(took) + ", with " + running
                + " threads running all along: it must give up at the deadline (at most " + text(CrewTest.LATE)
                + " late). Giving each thread the whole deadline waits up to " + running + " times as long.\n"
                + ONE_DEADLINE;
    }

    static String zeroDeadline(int running, Duration took, Duration patience) {
        String what = took == null ? "had not returned " + text(patience) + " later" : "took " + text(took);
        return "awaitAll(0 ms) " + what + ", with " + running + " threads still running. A deadline of zero"
                + " means: do not wait, just report who is alive. Careful: join(0) does not mean \"do not"
                + " wait\", it means \"wait forever\".";
    }

    static String wrongAlive(String situation, List<String> expected, List<String> actual) {
        return situation + ": awaitAll should report " + expected + " (the names of the threads still alive, in"
                + " launch order, one per thread), but it reported " + actual + ".";
    }

    static String reportedFinished(List<String> launched, List<String> expected, List<String> actual) {
        return wrongAlive("Of " + launched + " (launched in that order), the quick ones had finished before"
                + " awaitAll(300 ms), the others were still running", expected, actual) + " Report only the"
                + " threads that are still alive (isAlive()) when awaitAll stops waiting.";
    }

    static String didNotWait(Duration deadline, List<String> reported) {
        return "awaitAll(" + text(deadline) + ") returned before its deadline, reporting " + reported + " still"
                + " alive, while the jobs were running: it must wait for them (join) until they finish or the"
                + " deadline passes." + overflowHint(deadline);
    }

    /** For the longest deadlines: why an end time compared with now has passed at once. */
    private static String overflowHint(Duration deadline) {
        if (!huge(deadline)) {
            return "";
        }
        return "\nA deadline may be as long as Duration.ofNanos(Long.MAX_VALUE) (about 292 years): then"
                + " System.nanoTime() + deadline overflows to a negative number, and an end compared with the time"
                + " now (now >= end) has passed at once. Not Long.MAX_VALUE alone: every deadline longer than"
                + " Long.MAX_VALUE - System.nanoTime() overflows, this one too. Compare times by their difference"
                + " (end - now > 0), as the documentation of System.nanoTime() says, or measure the time spent"
                + " (System.nanoTime() - start) against the deadline.";
    }

    /** Longer than about 146 years: a deadline the checks chose so that System.nanoTime() + it overflows. */
    private static boolean huge(Duration deadline) {
        return deadline.compareTo(Duration.ofNanos(Long.MAX_VALUE / 2)) > 0
                && deadline.compareTo(CrewTest.FOREVER) <= 0;
    }

    static String returnedWhileOneRan(Duration deadline, List<String> ended, String running, List<String> reported) {
        return "awaitAll(" + text(deadline) + ") returned, reporting " + reported + ", while " + running + " was"
                + " still running (" + String.join(", ", ended) + " had ended, one after the other) and long before"
                + " its deadline: it must wait until every thread has finished. Join each thread in turn (a thread"
                + " that ended makes its join return at once) without skipping any: removing from a list while"
                + " walking it by index skips the element after the one removed." + overflowHint(deadline);
    }

    static String notBackAfterFinish(Duration deadline, Duration patience) {
        return "Every job had finished, but awaitAll(" + text(deadline) + ") had not returned " + text(patience)
                + " later.";
    }

    static String lateAfterFinish(Duration deadline, Duration late, boolean atDeadline, String threw) {
        String cause = atDeadline
                ? " It waited out its whole deadline, although every thread had ended: what it waited for never"
                + " came. \"" + threw + "\" ended by throwing; a signal a job sends after its work, not in a finally,"
                + " is never sent for a job that throws. join() returns when the thread ends, however it ends."
                : " It must return the moment the threads have finished: join() returns when the thread ends,"
                + " while sleeping (or polling isAlive() with sleeps in between) always comes late.";
        return "awaitAll(" + text(deadline) + ") returned " + text(late) + " after the last job had finished." + cause;
    }

    static String stuck(String doing) {
        return "The boss thread, " + doing + ", had not finished " + text(CrewTest.PATIENCE) + " later.";
    }

    static String countTheThreads() {
        return " A thread is alive until it has ended, after its run() and, when its job threw, after its"
                + " uncaught-exception handler: a count that the job lowers when its work ends is low meanwhile.";
    }

    static String wrongAliveCount(String when, int expected, int actual) {
        return "aliveCount() returned " + actual + " " + when + ", when exactly " + expected + " of the crew's"
                + " threads were alive. Count the crew's own threads with isAlive() (a thread waiting for"
                + " something is alive too). Thread.activeCount() counts every thread of the thread group (the"
                + " test's too) and only estimates, and each Crew has threads of its own. A count the jobs keep"
                + " themselves misses a job that ends by throwing, and a map keyed by the job's name keeps one thread"
                + " per name (names need not be unique).";
    }

    static String lostCount(int actual, int otherActual) {
        return "aliveCount() returned " + actual + " once the boss had joined its three jobs, each launched while"
                + " the job before could be ending, and " + otherActual + " for another crew whose boss had joined its"
                + " one job, in the order of steps below: none was alive. A count that the"
                + " boss raises and the jobs' threads lower is shared by several threads, and count++ and count--"
                + " are each a read and a write: an update is lost when two of them interleave. Ask the crew's"
                + " threads themselves (isAlive()): a crew used by one thread then needs no synchronization.";
    }

    static String forgotten(String what) {
        return "After awaitAll(100 ms) gave up with three jobs still running, " + what + ". awaitAll must not"
                + " forget the crew: its threads still run, aliveCount() counts them and a later awaitAll"
                + " waits for them.";
    }

    static String extraThreads(String when, String names) {
        return when + ", these threads started by the crew, not jobs, were still there: " + names + ". Start no"
                + " threads other than the jobs' (the boss joins them itself): a helper or a pool left running"
                + " after awaitAll returned keeps the program alive.";
    }

    static String notInterrupted(String outcome) {
        return "The boss was interrupted while awaitAll(1 min) waited for two running jobs, and awaitAll "
                + outcome + ". It must throw InterruptedException (join does; let it through): an"
                + " interrupt asks the boss to stop waiting, and swallowing it loses that request.";
    }

    /**
     * After awaitAll threw InterruptedException at once: the boss's flag still set ({@code again} null), or what
     * a second awaitAll did instead of waiting ("threw ...", "returned ...").
     */
    static String interruptReportedTwice(String again) {
        String head = "The boss was interrupted while awaitAll(1 min) waited for two running jobs, and awaitAll threw"
                + " InterruptedException at once, as it should; but ";
        if (again == null) {
            return head + "the boss's interrupt flag was still set afterwards. A method that throws"
                    + " InterruptedException has consumed the interrupt: join clears the flag as it throws, and the"
                    + " exception is the report. Setting the flag again (Thread.currentThread().interrupt()) and"
                    + " throwing reports it twice: the boss, having handled the exception, finds its next join, sleep or"
                    + " awaitAll failing at once. Restore the flag only where you catch the exception and do not throw.";
        }
        return head + "the boss's next awaitAll(1 min), with both jobs still running, did not wait: it " + again
                + " at once. The exception used the interrupt up: the boss has handled it, and a later awaitAll"
                + " waits for the running jobs again. Do not remember the interrupt in the crew, nor set the flag"
                + " again before throwing (that reports it twice).";
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
    static String whereIs(Call<?> boss) {
        if (boss.ended()) {
            return "";
        }
        return "\nWhere the boss thread was:\n" + Deadlocks.describe(List.of(boss.thread()), LockNames.none());
    }

    static String text(Duration duration) {
        if (huge(duration)) {
            long below = Long.MAX_VALUE - duration.toNanos();
            return below == 0 ? "Duration.ofNanos(Long.MAX_VALUE)" : "Duration.ofNanos(Long.MAX_VALUE - " + below + ")";
        }
        if (duration.toNanos() % 1_000_000 != 0 && duration.toMillis() < 1) {
            return duration.toNanos() / 1000.0 + " µs";
        }
        if (duration.toMillis() < 1000 || duration.isZero()) {
            return duration.toNanos() / 1_000_000.0 + " ms";
        }
        if (duration.toNanos() % 1_000_000_000 != 0) {
            return String.format(java.util.Locale.ROOT, "%.3f s", duration.toNanos() / 1e9);
        }
        if (duration.toSeconds() % 60 != 0) {
            return duration.toSeconds() + " s";
        }
        return duration.toMinutes() + " min";
    }
}
