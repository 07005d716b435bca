package kata.grader.sandbox;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import kata.grader.course.CourseException;
import kata.grader.course.Exercise;

/**
 * What student code may not do by default, grouped the way an exercise's spec can allow it
 * ({@code "allow": ["sockets"]} in exercise.json). Access to the grader's, JUnit's, Awaitility's
 * and the checks' own classes is not in this list: no spec can allow it.
 */
public enum Allowance {
    /** Sockets on the loopback address (an echo server and its clients). */
    SOCKETS("sockets", "network access is not part of this exercise"),
    REFLECTION("reflection", "reflection, method handles and serialization can reach into the checks"),
    EXIT("exit", "ending the JVM would end the checks; return or throw instead"),
    PROCESSES("processes", "starting or controlling processes is not allowed"),
    FILES("files", "your code runs without access to files"),
    CLASS_LOADING("class-loading", "loading or defining classes is not allowed"),
    NATIVE("native", "native code and Unsafe are not allowed"),
    STANDARD_STREAMS("standard-streams", "System.out, System.err, System.in, the system properties and the"
            + " environment belong to the grader; print with System.out.println"),
    SHUTDOWN_HOOKS("shutdown-hooks", "shutdown hooks are not allowed"),
    THREAD_CONTROL("thread-control", "Thread.stop, suspend, resume, thread groups and other threads' stacks"
            + " reach the checks' own threads; ask a thread to end (interrupt it, or set a flag it checks) instead"),
    JVM_TOOLS("jvm-tools", "JVM management, attach, compiler, scripting and JDK-internal APIs are not allowed");

    private final String specName;
    private final String reason;

    Allowance(String specName, String reason) {
        this.specName = specName;
        this.reason = reason;
    }

    /** The name in exercise.json's {@code allow} list. */
    public String specName() {
        return specName;
    }

    /** Why the grader forbids it, for the student. */
    String reason() {
        return reason;
    }

    public static Optional<Allowance> bySpecName(String name) {
        return Arrays.stream(values()).filter(a -> a.specName.equals(name.toLowerCase(Locale.ROOT))).findFirst();
    }

    /**
     * The allowances an exercise's spec names (its other entries grant JDK classes by name).
     *
     * @throws CourseException naming the exercise when a name is neither an allowance nor a JDK name
     */
    static Set<Allowance> of(Exercise exercise) {
        Set<Allowance> allowed = EnumSet.noneOf(Allowance.class);
        for (String name : exercise.allow()) {
            Optional<Allowance> allowance = bySpecName(name);
            if (allowance.isPresent()) {
                allowed.add(allowance.get());
            } else if (JdkAllowList.Grant.parse(name).isEmpty()) {
                throw new CourseException(exercise.slug() + ": exercise.json allows \"" + name + "\", which is"
                        + " neither one of " + Arrays.stream(values()).map(Allowance::specName)
                        .collect(Collectors.joining(", ")) + " nor a JDK package, class or Class#member");
            }
        }
        return allowed;
    }

    /** The JDK packages, classes and members an exercise's spec grants by name. */
    static List<JdkAllowList.Grant> grantsOf(Exercise exercise) {
        return exercise.allow().stream().filter(name -> bySpecName(name).isEmpty())
                .flatMap(name -> JdkAllowList.Grant.parse(name).stream()).toList();
    }
}
