package kata.grader.sandbox;

import static kata.grader.sandbox.Allowance.CLASS_LOADING;
import static kata.grader.sandbox.Allowance.EXIT;
import static kata.grader.sandbox.Allowance.FILES;
import static kata.grader.sandbox.Allowance.JVM_TOOLS;
import static kata.grader.sandbox.Allowance.NATIVE;
import static kata.grader.sandbox.Allowance.PROCESSES;
import static kata.grader.sandbox.Allowance.REFLECTION;
import static kata.grader.sandbox.Allowance.SHUTDOWN_HOOKS;
import static kata.grader.sandbox.Allowance.SOCKETS;
import static kata.grader.sandbox.Allowance.STANDARD_STREAMS;
import static kata.grader.sandbox.Allowance.THREAD_CONTROL;

import com.tngtech.archunit.core.domain.JavaClass;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The catalogue of what student code may not use: whole packages and types, and single members
 * of types that are otherwise fine (System.exit, Thread.stop). Data only; {@link SafetyRules}
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

    /** A type or package, and the ban on it; no ban for a type permitted inside a banned package. */
    private record TypeBan(String prefix, Ban ban) {

        boolean matches(String className) {
            return className.equals(prefix) || className.startsWith(prefix + ".") || className.startsWith(prefix + "$");
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

    /** Packages whose classes belong to the grader and the libraries of the test JVM. */
    private static final List<String> GRADER_PACKAGES = List.of("kata.grader", "kata.runner", "kata.support",
            "org.junit", "org.opentest4j", "org.apiguardian", "org.awaitility", "org.hamcrest", "com.tngtech");
    private static final List<String> JDK_PACKAGES = List.of("java", "javax", "jdk", "sun", "com.sun");

    private static final Predicate<List<String>> ANY = parameters -> true;
    private static final Predicate<List<String>> FILE_NAME = parameters -> !parameters.isEmpty()
            && parameters.get(0).equals("java.lang.String");
    private static final Predicate<List<String>> HOST_NAME = FILE_NAME;
    /** A port, and maybe a backlog, with no address: the wildcard address, every interface. */
    private static final Predicate<List<String>> EVERY_ADDRESS = parameters -> !parameters.isEmpty()
            && parameters.stream().allMatch("int"::equals);

    private static final List<TypeBan> TYPES = List.of(
            type("java.lang.reflect", REFLECTION), type("java.lang.invoke", REFLECTION),
            // VarHandles are an atomics technique (compareAndSet, getVolatile on a field of one's own):
            // the handle, and the two ways to get one, which MEMBERS narrows MethodHandles down to.
            permitted("java.lang.invoke.VarHandle"), permitted("java.lang.invoke.MethodHandles"),
            type("java.beans", REFLECTION), type("java.lang.StackWalker", REFLECTION),
            type("java.io.ObjectInputStream", REFLECTION), type("java.io.ObjectOutputStream", REFLECTION),
            type("java.lang.ProcessBuilder", PROCESSES), type("java.lang.Process", PROCESSES),
            type("java.lang.ProcessHandle", PROCESSES),
            type("java.io.File", FILES), type("java.io.FileInputStream", FILES),
            type("java.io.FileOutputStream", FILES), type("java.io.FileReader", FILES),
            type("java.io.FileWriter", FILES), type("java.io.RandomAccessFile", FILES),
            type("java.io.FileDescriptor", FILES), type("java.nio.file", FILES),
            type("java.nio.channels.FileChannel", FILES), type("java.nio.channels.AsynchronousFileChannel", FILES),
            type("java.util.zip.ZipFile", FILES), type("java.util.jar.JarFile", FILES),
            type("java.util.logging.FileHandler", FILES), type("java.util.prefs", FILES),
            type("javax.xml", FILES), type("org.xml", FILES), type("org.w3c", FILES),
            type("java.lang.ClassLoader", CLASS_LOADING), type("java.security.SecureClassLoader", CLASS_LOADING),
            type("java.net.URLClassLoader", CLASS_LOADING), type("java.lang.instrument", CLASS_LOADING),
            type("java.lang.Module", CLASS_LOADING), type("java.lang.ModuleLayer", CLASS_LOADING),
            type("java.util.ServiceLoader", CLASS_LOADING),
            type("sun.misc", NATIVE), type("jdk.internal", NATIVE), type("java.lang.foreign", NATIVE),
            type("java.io.Console", STANDARD_STREAMS),
            type("java.net", SOCKETS), type("javax.net", SOCKETS),
            type("java.nio.channels.SocketChannel", SOCKETS), type("java.nio.channels.ServerSocketChannel", SOCKETS),
            type("java.nio.channels.AsynchronousSocketChannel", SOCKETS),
            type("java.nio.channels.AsynchronousServerSocketChannel", SOCKETS),
            type("java.nio.channels.DatagramChannel", SOCKETS), type("java.nio.channels.Selector", SOCKETS),
            type("java.nio.channels.spi", SOCKETS),
            type("java.lang.management", JVM_TOOLS), type("javax.management", JVM_TOOLS),
            type("java.util.logging.LogManager", JVM_TOOLS), type("java.rmi", JVM_TOOLS),
            type("javax.naming", JVM_TOOLS), type("java.sql", JVM_TOOLS), type("javax.sql", JVM_TOOLS),
            type("javax.script", JVM_TOOLS), type("javax.tools", JVM_TOOLS), type("javax.lang.model", JVM_TOOLS),
            type("javax.annotation.processing", JVM_TOOLS), type("jdk", JVM_TOOLS), type("sun", JVM_TOOLS),
            type("com.sun", JVM_TOOLS),
            new TypeBan("java.net.URL", LOOPBACK_ONLY), new TypeBan("java.net.URLConnection", LOOPBACK_ONLY),
            new TypeBan("java.net.HttpURLConnection", LOOPBACK_ONLY), new TypeBan("java.net.http", LOOPBACK_ONLY),
            new TypeBan("java.net.DatagramSocket", LOOPBACK_ONLY), new TypeBan("java.net.MulticastSocket", LOOPBACK_ONLY),
            new TypeBan("java.net.NetworkInterface", LOOPBACK_ONLY), new TypeBan("java.net.Proxy", LOOPBACK_ONLY),
            new TypeBan("java.net.ProxySelector", LOOPBACK_ONLY), new TypeBan("java.net.Authenticator", LOOPBACK_ONLY),
            new TypeBan("java.net.UnixDomainSocketAddress", LOOPBACK_ONLY),
            new TypeBan("java.nio.channels.DatagramChannel", LOOPBACK_ONLY),
            new TypeBan("javax.net", LOOPBACK_ONLY));

    private static final List<MemberBan> MEMBERS = List.of(
            allOtherMembers("java.lang.invoke.MethodHandles", REFLECTION, "lookup", "arrayElementVarHandle"),
            allOtherMembers("java.lang.invoke.MethodHandles$Lookup", REFLECTION, "findVarHandle"),
            member("java.lang.System", EXIT, "exit"), member("java.lang.Runtime", EXIT, "exit", "halt"),
            member("java.lang.Runtime", PROCESSES, "exec"),
            member("java.lang.System", NATIVE, "load", "loadLibrary", "mapLibraryName"),
            member("java.lang.Runtime", NATIVE, "load", "loadLibrary"),
            member("java.lang.System", STANDARD_STREAMS, "setOut", "setErr", "setIn", "setProperty", "setProperties",
                    "getProperties", "clearProperty", "setSecurityManager", "inheritedChannel", "console"),
            member("java.lang.Runtime", SHUTDOWN_HOOKS, "addShutdownHook", "removeShutdownHook"),
            member("java.lang.Thread", THREAD_CONTROL, "stop", "suspend", "resume", "countStackFrames",
                    "setDefaultUncaughtExceptionHandler"),
            member("java.lang.ThreadGroup", THREAD_CONTROL, "stop", "suspend", "resume", "destroy", "setDaemon",
                    "setMaxPriority", "uncaughtException"),
            member("java.lang.Thread", CLASS_LOADING, "getContextClassLoader", "setContextClassLoader"),
            member("java.lang.Class", CLASS_LOADING, "forName", "getClassLoader", "getModule", "getProtectionDomain"),
            new MemberBan("java.lang.Class", Set.of("getResource", "getResourceAsStream"), ANY, RESOURCES),
            member("java.lang.Class", REFLECTION, "getDeclaredFields", "getDeclaredField", "getDeclaredMethods",
                    "getDeclaredMethod", "getDeclaredConstructors", "getDeclaredConstructor", "getFields", "getField",
                    "getMethods", "getMethod", "getConstructors", "getConstructor", "newInstance",
                    "getRecordComponents", "getEnclosingMethod", "getEnclosingConstructor", "getDeclaredClasses",
                    "getClasses", "getNestHost", "getNestMembers", "getPermittedSubclasses", "getEnumConstants",
                    "getDeclaringClass", "getEnclosingClass"),
            new MemberBan("java.io.PrintStream", Set.of("<init>"), FILE_NAME, new Ban(FILES, FILES.reason())),
            new MemberBan("java.io.PrintWriter", Set.of("<init>"), FILE_NAME, new Ban(FILES, FILES.reason())),
            new MemberBan("java.util.Formatter", Set.of("<init>"), FILE_NAME, new Ban(FILES, FILES.reason())),
            new MemberBan("java.net.Socket", Set.of("<init>"), HOST_NAME, LOOPBACK_ONLY),
            new MemberBan("java.net.ServerSocket", Set.of("<init>"), EVERY_ADDRESS, LOOPBACK_ONLY),
            new MemberBan("java.net.InetSocketAddress", Set.of("<init>"), EVERY_ADDRESS, LOOPBACK_ONLY),
            new MemberBan("java.net.InetSocketAddress", Set.of("<init>"), HOST_NAME, LOOPBACK_ONLY),
            new MemberBan("java.net.InetSocketAddress", Set.of("createUnresolved"), ANY, LOOPBACK_ONLY),
            new MemberBan("java.net.InetAddress", Set.of("getByName", "getAllByName", "getByAddress", "getLocalHost",
                    "ofLiteral"), ANY, LOOPBACK_ONLY));

    private Forbidden() {
    }

    /**
     * The ban, not lifted by the allowances, on using this class at all (a type of a forbidden
     * package, or a forbidden type); the most specific one when several apply.
     */
    static Optional<Ban> type(String className, Set<Allowance> allowed) {
        for (String grader : GRADER_PACKAGES) {
            if (className.startsWith(grader + ".")) {
                return Optional.of(GRADER);
            }
        }
        return TYPES.stream().filter(t -> t.matches(className))
                .sorted(Comparator.comparingInt((TypeBan t) -> t.prefix().length()).reversed())
                .takeWhile(t -> t.ban() != null)
                .map(TypeBan::ban).filter(ban -> applies(ban, allowed)).findFirst();
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

    private static TypeBan type(String prefix, Allowance allowance) {
        return new TypeBan(prefix, new Ban(allowance, allowance.reason()));
    }

    /** A type inside a banned package that student code may use (its members may still be banned). */
    private static TypeBan permitted(String type) {
        return new TypeBan(type, null);
    }

    /** Every member of the type but these few. */
    private static MemberBan allOtherMembers(String owner, Allowance allowance, String... permitted) {
        Set<String> names = Set.of(permitted);
        return new MemberBan(owner, name -> !names.contains(name), ANY, new Ban(allowance, allowance.reason()));
    }

    private static MemberBan member(String owner, Allowance allowance, String... names) {
        return new MemberBan(owner, Set.of(names), ANY, new Ban(allowance, allowance.reason()));
    }
}
