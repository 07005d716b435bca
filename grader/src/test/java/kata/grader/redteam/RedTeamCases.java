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
    /** Built by the test, to keep a 5 MB file out of the repository. */
    static final String HUGE_LINE = "has-a-5-mb-line-that-does-not-compile";

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
            // Refused because the JDK allow-list does not grant them (to every kata, or without an allowance).
            new RedTeamCase("reads-the-checks-through-a-gui-toolkit", "javax.swing.JEditorPane loading a file: URL (outside any old ban list)", ERROR, 0,
                    "creates JEditorPane() at " + TARGET + ":10"),
            new RedTeamCase("interrupts-the-harness-threads", "interrupts every thread, the runner's own included", ERROR, 0,
                    "calls Thread.getAllStackTraces() at " + TARGET + ":10"),
            new RedTeamCase("reads-the-graders-environment", "System.getenv()", ERROR, 0,
                    "calls System.getenv() at " + TARGET + ":10"),
            new RedTeamCase("reads-the-class-path-property", "System.getProperty(\"java.class.path\")", ERROR, 0,
                    "calls System.getProperty(String) at " + TARGET + ":10"),
            new RedTeamCase("reads-a-property-through-integer", "Integer.getInteger, a system property by another door", ERROR, 0,
                    "calls Integer.getInteger(String, int) at " + TARGET + ":10"),
            new RedTeamCase("loads-a-resource-bundle", "ResourceBundle.getBundle on a hidden check's name", ERROR, 0,
                    "calls ResourceBundle.getBundle(String) at " + TARGET + ":10"),
            new RedTeamCase("runs-a-script-engine", "javax.script", ERROR, 0,
                    "creates ScriptEngineManager() at " + TARGET + ":10"),
            new RedTeamCase("logs-to-a-file", "java.util.logging.FileHandler", ERROR, 0,
                    "creates FileHandler(String) at " + TARGET + ":11"),
            new RedTeamCase("reads-a-zip-file", "java.util.zip.ZipFile on the grader's jar", ERROR, 0,
                    "creates ZipFile(String) at " + TARGET + ":10"),
            new RedTeamCase("walks-the-test-threads-stack", "Thread.getStackTrace() of the check's thread", ERROR, 0,
                    "calls Thread.getStackTrace() at " + TARGET + ":10"),
            new RedTeamCase("enumerates-the-thread-group", "ThreadGroup.enumerate, to reach the runner's threads", ERROR, 0,
                    "calls Thread.getThreadGroup() at " + TARGET + ":11"),
            new RedTeamCase("uses-the-awt-toolkit", "java.awt.Toolkit.getImage(file name)", ERROR, 0,
                    "calls Toolkit.getDefaultToolkit() at " + TARGET + ":10"),
            new RedTeamCase("stores-preferences", "java.util.prefs (files in the home folder)", ERROR, 0,
                    "calls Preferences.put(String, String) at " + TARGET + ":10"),
            new RedTeamCase("reads-the-jvm-arguments", "java.lang.management, the test JVM's arguments", ERROR, 0,
                    "calls ManagementFactory.getRuntimeMXBean() at " + TARGET + ":10"),
            new RedTeamCase("opens-a-file-url", "new URL(\"file:///etc/passwd\").openStream()", ERROR, 0,
                    "creates URL(String) at " + TARGET + ":10"),
            new RedTeamCase("parses-xml-with-external-entities", "an XML parser reading a file: URL", ERROR, 0,
                    "calls DocumentBuilderFactory.newDocumentBuilder() at " + TARGET + ":11"),
            new RedTeamCase("replaces-the-default-uncaught-handler", "Thread.setDefaultUncaughtExceptionHandler", ERROR, 0,
                    "calls Thread.setDefaultUncaughtExceptionHandler(UncaughtExceptionHandler) at " + TARGET + ":10"),
            new RedTeamCase("takes-the-context-class-loader", "Thread.getContextClassLoader()", ERROR, 0,
                    "calls Thread.getContextClassLoader() at " + TARGET + ":10"),
            new RedTeamCase("reads-an-image", "javax.imageio", ERROR, 0,
                    "calls ImageIO.read(InputStream) at " + TARGET + ":11"),
            new RedTeamCase("sends-an-http-request", "java.net.http.HttpClient", ERROR, 0,
                    "calls HttpClient.newHttpClient() at " + TARGET + ":10"),
            new RedTeamCase("prints-to-a-file", "new PrintStream(file name)", ERROR, 0,
                    "creates PrintStream(String) at " + TARGET + ":10"),
            new RedTeamCase("evaluates-java-with-jshell", "jdk.jshell", ERROR, 0,
                    "calls JShell.create() at " + TARGET + ":10"),
            new RedTeamCase("plays-a-sound-file", "javax.sound", ERROR, 0,
                    "calls AudioSystem.getAudioFileTypes() at " + TARGET + ":10"),
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
            new RedTeamCase("throws-an-8-mb-message-with-terminal-escapes", "an exception whose message clears"
                    + " the terminal, holds a lone surrogate and 8 MB more", FAILED, 2, "\\u001b[2J\\u001b]0;owned"),
            new RedTeamCase("makes-javac-fold-a-gigabyte-constant", "28 string constants, each the one before"
                    + " twice (javac folds them)", ERROR, 0, "Your code could not be compiled: javac ran out of memory"),
            new RedTeamCase("nests-an-expression-ten-thousand-deep", "1 + (1 + (... ten thousand deep",
                    ERROR, 0, "Your code could not be compiled: javac ran out of stack"),
            new RedTeamCase("throws-an-exception-whose-message-throws", "an exception whose getMessage() throws"
                    + " (it ended the test JVM, reported as System.exit)", FAILED, 2, "asking it for its message"),
            new RedTeamCase(HUGE_LINE, "a 5 MB string constant on one line (javac: constant string too long)",
                    ERROR, 0, "Your code does not compile"),
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
