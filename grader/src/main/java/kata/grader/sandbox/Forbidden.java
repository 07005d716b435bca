package kata.grader.sandbox;

import static kata.grader.sandbox.Allowance.FILES;
import static kata.grader.sandbox.Allowance.SOCKETS;
import static kata.grader.sandbox.Allowance.STANDARD_STREAMS;

import com.tngtech.archunit.core.domain.JavaClass;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * What student code may not do beyond the JDK allow-list ({@link JdkAllowList}): use the grader's
 * and the test JVM's libraries, declare classes in their packages or the JDK's, and call some
 * granted members with some arguments (a file name, a host name). Data only; {@link SafetyRules}
 * applies it.
 */
final class Forbidden {

    /**
     * Why a use is forbidden.
     *
     * @param allowance the spec allowance that lifts the ban, or null when nothing can
     * @param reason    the reason, for the student
     */
    record Ban(Allowance allowance, String reason) {

        boolean liftedBy(Set<Allowance> allowed) {
            return allowance != null && allowed.contains(allowance);
        }
    }

    private record MemberBan(String owner, Predicate<String> name, Predicate<List<String>> parameters, Ban ban) {

        MemberBan(String owner, Set<String> names, Predicate<List<String>> parameters, Ban ban) {
            this(owner, names::contains, parameters, ban);
        }
    }

    static final Ban GRADER = new Ban(null, "the grader's, JUnit's, Awaitility's and the checks' own classes"
            + " are off limits");
    static final Ban LOOPBACK_ONLY = new Ban(null, "only sockets on the loopback address are allowed: connect"
            + " and bind with InetAddress.getLoopbackAddress()");
    /** Resources come from the class path, where the checks' class files are. */
    private static final Ban RESOURCES = new Ban(null, "resources are read from the class path, where the checks'"
            + " class files are, so your code may not read them");
    private static final Ban JDK_PACKAGE = new Ban(null, "classes of your own cannot go in the JDK's packages");
    private static final Ban PROPERTIES = new Ban(STANDARD_STREAMS, STANDARD_STREAMS.reason());
    /** A JDK class or member outside the allow-list that no kata's allowance grants. */
    static final Ban NOT_GRANTED = new Ban(null, "the katas use the JDK's classes for the language, collections,"
            + " concurrency, streams, text, numbers and time; this one is not among them (ask your instructor if"
            + " your solution needs it)");

    /** Packages whose classes belong to the grader and the libraries of the test JVM. */
    private static final List<String> GRADER_PACKAGES = List.of("kata.grader", "kata.protocol", "kata.runner",
            "kata.support", "org.junit", "org.opentest4j", "org.apiguardian", "org.awaitility", "org.hamcrest", "com.tngtech");
    private static final List<String> JDK_PACKAGES = List.of("java", "javax", "jdk", "sun", "com.sun");

    private static final Predicate<List<String>> ANY = parameters -> true;
    private static final Predicate<List<String>> FILE_NAME = parameters -> !parameters.isEmpty()
            && parameters.get(0).equals("java.lang.String");
    private static final Predicate<List<String>> HOST_NAME = FILE_NAME;
    /** A port, and maybe a backlog, with no address: the wildcard address, every interface. */
    private static final Predicate<List<String>> EVERY_ADDRESS = parameters -> !parameters.isEmpty()
            && parameters.stream().allMatch("int"::equals);

    /**
     * Members of granted JDK classes that are refused for some arguments: a constructor given a
     * file name, a socket given a host name or every address, a system property read through a
     * number class.
     */
    private static final List<MemberBan> MEMBERS = List.of(
            new MemberBan("java.lang.Class", Set.of("getResource", "getResourceAsStream"), ANY, RESOURCES),
            new MemberBan("java.io.PrintStream", Set.of("<init>"), FILE_NAME, new Ban(FILES, FILES.reason())),
            new MemberBan("java.io.PrintWriter", Set.of("<init>"), FILE_NAME, new Ban(FILES, FILES.reason())),
            new MemberBan("java.util.Formatter", Set.of("<init>"), FILE_NAME, new Ban(FILES, FILES.reason())),
            new MemberBan("java.lang.Integer", Set.of("getInteger"), ANY, PROPERTIES),
            new MemberBan("java.lang.Long", Set.of("getLong"), ANY, PROPERTIES),
            new MemberBan("java.lang.Boolean", Set.of("getBoolean"), ANY, PROPERTIES),
            new MemberBan("java.net.Socket", Set.of("<init>"), HOST_NAME, LOOPBACK_ONLY),
            new MemberBan("java.net.ServerSocket", Set.of("<init>"), EVERY_ADDRESS, LOOPBACK_ONLY),
            new MemberBan("java.net.InetSocketAddress", Set.of("<init>"), EVERY_ADDRESS, LOOPBACK_ONLY),
            new MemberBan("java.net.InetSocketAddress", Set.of("<init>"), HOST_NAME, LOOPBACK_ONLY),
            new MemberBan("java.net.InetSocketAddress", Set.of("createUnresolved"), ANY, LOOPBACK_ONLY),
            new MemberBan("java.net.InetAddress", Set.of("getByName", "getAllByName", "getByAddress", "getLocalHost",
                    "ofLiteral"), ANY, LOOPBACK_ONLY));

    private Forbidden() {
    }

    /** The ban on using this class at all when it belongs to the grader or the test JVM's libraries. */
    static Optional<Ban> grader(String className) {
        for (String grader : GRADER_PACKAGES) {
            if (className.startsWith(grader + ".")) {
                return Optional.of(GRADER);
            }
        }
        return Optional.empty();
    }

    /** The ban on a JDK class or member the allow-list does not grant to this kata. */
    static Ban notGranted(JdkAllowList.Decision decision) {
        return decision.needs() == null ? NOT_GRANTED : new Ban(decision.needs(), decision.needs().reason());
    }

    /**
     * The ban, not lifted by the allowances, on calling this member (a constructor is
     * {@code <init>}) of this type or a subtype.
     */
    static Optional<Ban> member(JavaClass owner, String name, List<String> parameterTypes, Set<Allowance> allowed) {
        for (MemberBan ban : MEMBERS) {
            if (ban.name().test(name) && ban.parameters().test(parameterTypes) && applies(ban.ban(), allowed)
                    && (owner.getName().equals(ban.owner()) || isSubtype(owner, ban.owner()))) {
                return Optional.of(ban.ban());
            }
        }
        return Optional.empty();
    }

    /** Loopback-only bans narrow the sockets allowance; without it, the ban on all sockets speaks. */
    private static boolean applies(Ban ban, Set<Allowance> allowed) {
        return !ban.liftedBy(allowed) && (ban != LOOPBACK_ONLY || allowed.contains(SOCKETS));
    }

    /** The ban on declaring a class of one's own in this package. */
    static Optional<Ban> declaringIn(String packageName) {
        for (String grader : GRADER_PACKAGES) {
            if (packageName.equals(grader) || packageName.startsWith(grader + ".")) {
                return Optional.of(GRADER);
            }
        }
        return isJdkPackage(packageName) ? Optional.of(JDK_PACKAGE) : Optional.empty();
    }

    /** True for a package of the JDK's own (java, javax, jdk, sun, com.sun and below). */
    static boolean isJdkPackage(String packageName) {
        return JDK_PACKAGES.stream().anyMatch(jdk -> packageName.equals(jdk) || packageName.startsWith(jdk + "."));
    }

    private static boolean isSubtype(JavaClass owner, String type) {
        try {
            return owner.isAssignableTo(type);
        } catch (RuntimeException unresolved) {
            return false;
        }
    }
}
