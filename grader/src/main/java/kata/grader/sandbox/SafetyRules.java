package kata.grader.sandbox;

import com.tngtech.archunit.core.domain.AccessTarget;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.properties.HasName;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import kata.grader.course.TestBundle;
import kata.grader.text.StudentText;

/**
 * The first line of defence against hostile code: static rules on the student's compiled classes,
 * checked with ArchUnit before any of them runs. Student code may use only the JDK classes and
 * members of an allow-list ({@link JdkAllowList}: the language, collections, concurrency, streams,
 * text, numbers, time), with a few arguments refused ({@link Forbidden}: file names, host names),
 * and none of the grader's, JUnit's, Awaitility's or the checks' own classes. An exercise's spec
 * may allow more ({@link Allowance}, or JDK names). The rules read the class files on disk,
 * before the kata agent adds its scheduling calls.
 */
public final class SafetyRules {

    /** Characters of a quoted source line. */
    private static final int SOURCE_WIDTH = 160;
    /** Violations shown in full; the rest are counted. */
    private static final int SHOWN = 8;

    private SafetyRules() {
    }

    /**
     * Checks the student's classes against the exercise's allowances and grants; students may not
     * declare a class with the name of one of its checks.
     *
     * @throws kata.grader.course.CourseException when the exercise's spec allows an unknown name
     */
    public static List<Violation> check(TestBundle bundle, Path studentClasses, Path sourceRoot) {
        return check(studentClasses, sourceRoot, Allowance.of(bundle.exercise()), Allowance.grantsOf(bundle.exercise()),
                classNames(bundle.testClasses()));
    }

    /**
     * Checks the student's classes.
     *
     * @param studentClasses the compiled classes
     * @param sourceRoot     the student's {@code src/main/java}, to quote the offending lines
     * @param allowed        what the exercise's spec allows
     * @param grants         JDK packages, classes and members the exercise's spec grants by name
     * @param checkClasses   binary names of the exercise's test classes, which students may not declare
     * @return the violations, sorted by file and line; empty when the code may run
     */
    public static List<Violation> check(Path studentClasses, Path sourceRoot, Set<Allowance> allowed,
                                        List<JdkAllowList.Grant> grants, Set<String> checkClasses) {
        JavaClasses classes = new ClassFileImporter().importPath(studentClasses);
        Findings findings = new Findings(sourceRoot);
        for (JavaClass type : classes) {
            declaration(type, checkClasses, findings);
            for (JavaAccess<?> access : type.getAccessesFromSelf()) {
                access(access, allowed, grants, findings);
            }
            for (Dependency dependency : type.getDirectDependenciesFromSelf()) {
                String target = dependency.getTargetClass().getBaseComponentType().getName();
                typeBan(target, allowed, grants).ifPresent(ban -> findings.addUnlessNamed(type,
                        dependency.getSourceCodeLocation().getLineNumber(), target, "uses " + target, ban));
            }
        }
        return findings.sorted();
    }

    /** The ban on using this class at all: one of the grader's, or a JDK class not granted. */
    private static Optional<Forbidden.Ban> typeBan(String className, Set<Allowance> allowed,
                                                   List<JdkAllowList.Grant> grants) {
        Optional<Forbidden.Ban> grader = Forbidden.grader(className);
        if (grader.isPresent() || !Forbidden.isJdkPackage(packageOf(className))) {
            return grader;
        }
        JdkAllowList.Decision decision = JdkAllowList.type(className, allowed, grants);
        return decision.allowed() ? Optional.empty() : Optional.of(Forbidden.notGranted(decision));
    }

    /** The message that scores the exercise 0: the first violation in words, then all of them. */
    public static String message(List<Violation> violations) {
        Violation first = violations.get(0);
        StringBuilder text = new StringBuilder("None of your code was run, because it ")
                .append(first.what()).append(" at ").append(first.location())
                .append(": ").append(first.reason()).append('.');
        for (Violation violation : violations.subList(0, Math.min(SHOWN, violations.size()))) {
            text.append("\n  ").append(violation.location()).append(": ").append(violation.what());
            if (!violation.source().isEmpty()) {
                text.append("\n      ").append(violation.source());
            }
        }
        if (violations.size() > SHOWN) {
            text.append("\n  ... and ").append(violations.size() - SHOWN).append(" more");
        }
        return text.toString();
    }

    /** Binary names of the classes under a directory of class files. */
    public static Set<String> classNames(Path classesDirectory) {
        try (Stream<Path> files = Files.walk(classesDirectory)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".class"))
                    .map(f -> classesDirectory.relativize(f).toString().replace(java.io.File.separatorChar, '.'))
                    .map(name -> name.substring(0, name.length() - ".class".length()))
                    .collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + classesDirectory, e);
        }
    }

    private static void declaration(JavaClass type, Set<String> checkClasses, Findings findings) {
        Forbidden.declaringIn(type.getPackageName()).ifPresent(ban -> findings.add(type, 0, type.getName(),
                "declares class " + type.getName() + " in package " + type.getPackageName(), ban));
        if (checkClasses.contains(type.getName())) {
            findings.add(type, 0, type.getName(), "declares class " + type.getName()
                    + ", a name the exercise's checks use", Forbidden.GRADER);
        }
        for (JavaCodeUnit method : type.getCodeUnits()) {
            if (method.getModifiers().contains(JavaModifier.NATIVE)) {
                findings.add(type, 0, method.getFullName(), "declares native method " + method.getName() + "()",
                        new Forbidden.Ban(Allowance.NATIVE, Allowance.NATIVE.reason()));
            }
        }
    }

    private static void access(JavaAccess<?> access, Set<Allowance> allowed, List<JdkAllowList.Grant> grants,
                               Findings findings) {
        AccessTarget target = access.getTarget();
        JavaClass owner = target.getOwner();
        List<String> parameters = target instanceof AccessTarget.CodeUnitAccessTarget code
                ? code.getRawParameterTypes().stream().map(HasName::getName).toList() : List.of();
        // The member's own class: a student's Thread subclass calling getStackTrace() calls Thread's.
        JavaClass declaring = target.resolveMember().map(member -> member.getOwner()).orElse(owner);
        Optional<Forbidden.Ban> ban = typeBan(owner.getBaseComponentType().getName(), allowed, grants)
                .or(() -> typeBan(declaring.getBaseComponentType().getName(), allowed, grants));
        if (ban.isEmpty() && Forbidden.isJdkPackage(declaring.getPackageName())) {
            JdkAllowList.Decision decision = JdkAllowList.member(declaring.getName(), target.getName(), allowed,
                    grants);
            ban = decision.allowed() ? Forbidden.member(owner, target.getName(), parameters, allowed)
                    : Optional.of(Forbidden.notGranted(decision));
        }
        ban.ifPresent(b -> findings.add(access.getOriginOwner(), access.getLineNumber(), owner.getName(),
                describe(target), b));
    }

    private static String packageOf(String className) {
        int dot = className.lastIndexOf('.');
        return dot < 0 ? "" : className.substring(0, dot);
    }

    /** {@code calls System.exit(int)}, {@code creates File(String)}, {@code uses System.out}. */
    private static String describe(AccessTarget target) {
        String owner = target.getOwner().getSimpleName();
        List<String> parameters = target instanceof AccessTarget.CodeUnitAccessTarget code
                ? code.getRawParameterTypes().stream().map(JavaClass::getSimpleName).toList() : List.of();
        String arguments = "(" + String.join(", ", parameters) + ")";
        if (target instanceof AccessTarget.ConstructorCallTarget
                || target instanceof AccessTarget.ConstructorReferenceTarget) {
            return "creates " + owner + arguments;
        }
        if (target instanceof AccessTarget.FieldAccessTarget) {
            return "uses " + owner + "." + target.getName();
        }
        return "calls " + owner + "." + target.getName() + arguments;
    }

    /**
     * Violations, each use once; a bare dependency on a forbidden class ({@code uses X}) only
     * where no call or field access already names that class on that line.
     */
    private static final class Findings {
        private final Path sourceRoot;
        private final Set<String> seen = new HashSet<>();
        private final Set<String> named = new HashSet<>();
        private final List<Violation> violations = new ArrayList<>();

        Findings(Path sourceRoot) {
            this.sourceRoot = sourceRoot;
        }

        void add(JavaClass in, int line, String forbiddenName, String what, Forbidden.Ban ban) {
            String file = sourceFile(in);
            named.add(file + ":" + line + ":" + forbiddenName);
            if (seen.add(file + ":" + line + ":" + what)) {
                violations.add(new Violation(file, line, what, ban.reason(), sourceLine(file, line)));
            }
        }

        void addUnlessNamed(JavaClass in, int line, String forbiddenName, String what, Forbidden.Ban ban) {
            if (!named.contains(sourceFile(in) + ":" + line + ":" + forbiddenName)) {
                add(in, line, forbiddenName, what, ban);
            }
        }

        /**
         * By file and line; in a file, the violations with a known line first, so the message
         * can quote it; on a line, what the student wrote (a constructor call, a method call)
         * before what the compiler added around it (a try-with-resources' close()).
         */
        List<Violation> sorted() {
            return violations.stream().sorted(Comparator.comparing(Violation::file)
                    .thenComparing(v -> v.line() == 0).thenComparingInt(Violation::line)
                    .thenComparingInt(v -> rank(v.what())).thenComparing(Violation::what)).toList();
        }

        private static int rank(String what) {
            return what.startsWith("creates") ? 0 : what.startsWith("calls") && !what.endsWith(".close()") ? 1 : 2;
        }

        private static String sourceFile(JavaClass type) {
            String name = type.getSource().flatMap(source -> source.getFileName())
                    .orElse(type.getSimpleName() + ".java");
            String folder = type.getPackageName().isEmpty() ? "" : type.getPackageName().replace('.', '/') + "/";
            return "src/main/java/" + folder + name;
        }

        private String sourceLine(String file, int line) {
            if (line <= 0 || sourceRoot == null) {
                return "";
            }
            Path path = sourceRoot.resolve(file.substring("src/main/java/".length()));
            try {
                List<String> lines = Files.readAllLines(path, StandardCharsets.UTF_8);
                return line <= lines.size() ? StudentText.window(lines.get(line - 1).strip(), 0, SOURCE_WIDTH).text()
                        : "";
            } catch (IOException | RuntimeException unreadable) {
                return "";
            }
        }
    }
}
