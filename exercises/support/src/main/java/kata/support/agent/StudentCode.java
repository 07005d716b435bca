package kata.support.agent;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import kata.support.PublicApi;

/**
 * What the kata agent was told is "the student's code" when the JVM started, and what it did with
 * it. Tests consult this to refuse to run a scheduling check that could not be sound.
 */
@PublicApi
public final class StudentCode {

    /** The name of the grader's loader of the student's classes. */
    public static final String LOADER = "student";
    /**
     * The name of the grader's second loader of the student's classes, whose classes get scheduling
     * points also when the agent only observes the student's code.
     */
    public static final String SCHEDULED_LOADER = "student-scheduled";

    private static volatile AgentConfig config;
    private static final Set<String> instrumented = ConcurrentHashMap.newKeySet();
    private static final Map<String, String> failures = new ConcurrentHashMap<>();

    private StudentCode() {
    }

    /** True when the JVM was started with the kata agent ({@code -javaagent:kata-support.jar=...}). */
    public static boolean agentActive() {
        return config != null;
    }

    /** True when the class (binary name, e.g. {@code kata.race.Counter}) is student code. */
    public static boolean isStudentClass(String binaryName) {
        AgentConfig current = config;
        return current != null && current.isStudentClass(binaryName.replace('.', '/'));
    }

    /** True when the agent added scheduling points to the class (binary name). */
    public static boolean wasInstrumented(String binaryName) {
        return instrumented.contains(binaryName);
    }

    /** Classes the agent could not instrument, with the reason; empty when all went well. */
    public static Map<String, String> instrumentationFailures() {
        return Map.copyOf(failures);
    }

    /** The first stack frame that belongs to student code, or null. */
    public static StackTraceElement firstStudentFrame(StackTraceElement[] stack) {
        for (StackTraceElement frame : stack) {
            if (isStudentClass(frame.getClassName())) {
                return frame;
            }
        }
        return null;
    }

    /** "Counter.java:12" for a frame, the way students find it in their editor. */
    public static String location(StackTraceElement frame) {
        String file = frame.getFileName() != null ? frame.getFileName() : frame.getClassName();
        return frame.getLineNumber() > 0 ? file + ":" + frame.getLineNumber() : file;
    }

    static void activate(AgentConfig agentConfig) {
        config = agentConfig;
    }

    static void recordInstrumented(String internalName) {
        instrumented.add(internalName.replace('/', '.'));
    }

    /** Why an IDE run could not start the agent itself, or null. */
    private static volatile String attachFailure;

    static void recordAttachFailure(String why) {
        attachFailure = why;
    }

    /** Why the agent could not be attached to this JVM, when it was tried and failed; else null. */
    public static String attachFailure() {
        return attachFailure;
    }

    static void recordFailure(String internalName, Throwable cause) {
        failures.put(internalName.replace('/', '.'), String.valueOf(cause));
    }
}
