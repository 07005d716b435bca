package kata.grader.redteam;

import static kata.support.score.ExerciseStatus.ERROR;
import static kata.support.score.ExerciseStatus.FAILED;
import static kata.support.score.ExerciseStatus.NOT_SUBMITTED;
import static kata.support.score.ExerciseStatus.PASSED;

import java.util.List;

/**
 * The red-team catalogue. Each submission attacks the exercise {@code target} (answer() is checked
 * first, then the hidden work()), and most also solve {@code bystander}, which must score in full
 * whatever happens next door. Zip-borne attacks ({@code ../} entries, links, a billion entries)
 * belong to the intake of archives and are tested there.
 */
final class RedTeamCases {

    private static final String TARGET = "src/main/java/target/Target.java";

    /** Built by the test, because git and Java cannot hold a file name that is not UTF-8. */
    static final String NON_UTF8_NAME = "has-a-non-utf-8-file-name";

    static final List<RedTeamCase> ALL = List.of(
            new RedTeamCase("correct", "nothing: the control", PASSED, 3, "2 of 2 checks passed"),
            // Stopped by the static rules: nothing of the submission's exercise runs.
            new RedTeamCase("exits-from-the-test-thread", "System.exit(0) in the test's thread", ERROR, 0,
                    "calls System.exit(int) at " + TARGET + ":10"),
            new RedTeamCase("exits-from-a-worker", "System.exit(0) in a thread of its own", ERROR, 0,
                    "calls System.exit(int) at " + TARGET + ":10"),
            new RedTeamCase("halts", "Runtime.halt(0)", ERROR, 0, "calls Runtime.halt(int) at " + TARGET + ":10"),
            new RedTeamCase("sleeps-forever-in-a-shutdown-hook", "a shutdown hook that never ends", ERROR, 0,
                    "calls Runtime.addShutdownHook(Thread) at " + TARGET + ":10"),
            new RedTeamCase("reads-the-hidden-tests-as-resources", "reads TargetHiddenTest.class and prints it",
                    ERROR, 0, "calls Class.getResourceAsStream(String) at " + TARGET + ":10"),
            new RedTeamCase("writes-a-fake-results-file", "writes ../scorecard.json", ERROR, 0,
                    "calls Files.writeString(Path, CharSequence, OpenOption[]) at " + TARGET + ":14"),
            new RedTeamCase("changes-a-tests-fields-by-reflection", "reads a hidden test's field by reflection",
                    ERROR, 0, "calls Class.forName(String) at " + TARGET + ":13"),
            new RedTeamCase("exits-through-a-method-handle", "System.exit found by a method handle (VarHandles are"
                    + " allowed, the rest of java.lang.invoke is not)", ERROR, 0,
                    "calls Lookup.findStatic(Class, String, MethodType) at " + TARGET + ":14"),
            new RedTeamCase("hides-its-output-with-set-out", "System.setOut to a null stream", ERROR, 0,
                    "calls System.setOut(PrintStream) at " + TARGET + ":10"),
            new RedTeamCase("stops-the-test-thread", "Thread.stop on the test's thread", ERROR, 0,
                    "calls Thread.stop() at " + TARGET + ":11"),
            new RedTeamCase("starts-a-process", "starts sh in the background", ERROR, 0,
                    "creates ProcessBuilder(String[]) at " + TARGET + ":11"),
            new RedTeamCase("defines-classes-with-its-own-loader", "subclasses ClassLoader", ERROR, 0,
                    "creates ClassLoader() at " + TARGET + ":10"),
            new RedTeamCase("uses-unsafe", "sun.misc.Unsafe", ERROR, 0,
                    "uses Unsafe.ARRAY_INT_BASE_OFFSET at " + TARGET + ":10"),
            new RedTeamCase("declares-a-native-method", "a native method", ERROR, 0,
                    "declares native method escape() at " + TARGET),
            new RedTeamCase("opens-a-socket-where-none-is-allowed", "connects to example.com:80", ERROR, 0,
                    "creates Socket(String, int) at " + TARGET + ":10"),
            new RedTeamCase("puts-a-class-in-org-junit", "its own org.junit.jupiter.api.Assertions", ERROR, 0,
                    "declares class org.junit.jupiter.api.Assertions in package org.junit.jupiter.api"),
            new RedTeamCase("puts-a-class-in-the-graders-package", "its own kata.runner.Protocol", ERROR, 0,
                    "declares class kata.runner.Protocol in package kata.runner"),
            new RedTeamCase("declares-a-class-named-like-a-check", "its own target.TargetTest", ERROR, 0,
                    "declares class target.TargetTest, a name the exercise's checks use"),
            // Allowed by the static rules, stopped by the limits of the test JVM.
            new RedTeamCase("loops-forever", "an endless loop", FAILED, 2, "Did not finish within 8 s."),
            new RedTeamCase("deadlocks-ignoring-interrupts", "two threads locking in opposite order, deaf to"
                    + " interrupts", FAILED, 2, "The threads are deadlocked"),
            new RedTeamCase("starts-a-thousand-threads-that-never-end", "1000 non-daemon sleepers", FAILED, 2,
                    "Your code created more than 500 threads"),
            new RedTeamCase("allocates-until-out-of-memory", "fills the heap", FAILED, 2,
                    "Your code ran out of memory (the test JVM may use 64 MB of heap)"),
            new RedTeamCase("overflows-the-stack", "endless recursion", FAILED, 2,
                    "Your code recursed without end (StackOverflowError) at Target.java:14"),
            new RedTeamCase("prints-100-mb", "prints 100 MB", FAILED, 2, "Your code printed more than 1 MB"),
            new RedTeamCase("catches-throwable-and-loops", "sleeps in a loop that catches Throwable", FAILED, 2,
                    "Did not finish within 8 s."),
            new RedTeamCase("prints-a-forged-result-line", "prints a result line claiming work() passed",
                    FAILED, 2, "work() should return 7"),
            // Broken rather than hostile.
            new RedTeamCase("has-meta-inf-services-files", "META-INF/services files registering a JUnit"
                    + " listener", PASSED, 3, "2 of 2 checks passed"),
            new RedTeamCase("has-a-source-file-in-the-wrong-package", "Target.java declares package elsewhere",
                    FAILED, 0, "Your code does not match the exercise's API (NoClassDefFoundError: target/Target)"),
            new RedTeamCase(NON_UTF8_NAME, "a helper class in a file named Caf\\xe9.java (Latin-1)", PASSED, 3,
                    "2 of 2 checks passed"),
            new RedTeamCase("misses-the-exercise-folder", "no target folder", NOT_SUBMITTED, 0,
                    "Not submitted: no Java sources in target/src/main/java."),
            new RedTeamCase("is-empty", "nothing at all", NOT_SUBMITTED, 0,
                    "Not submitted: no Java sources in target/src/main/java."),
            // Sockets where the spec allows them (exercise echo): on the loopback address only.
            new RedTeamCase("echoes-on-the-loopback-address", "an echo server and client on the loopback address",
                    PASSED, 3, "2 of 2 checks passed"),
            new RedTeamCase("echoes-to-a-remote-host", "echo exercise connecting to example.com", PASSED, 3,
                    "2 of 2 checks passed"),
            new RedTeamCase("serves-on-every-address", "echo exercise listening on port 7007 of every"
                    + " interface", PASSED, 3, "2 of 2 checks passed"));

    private RedTeamCases() {
    }
}
