package kata.grader.course;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;
import kata.grader.compile.Javac;
import kata.grader.files.FileTree;
import kata.support.Graded;
import kata.support.Visibility;
import kata.support.score.CheckKind;

/**
 * Compiles an exercise's public and hidden tests against its stub and reads the list of checks
 * from the {@code @Graded} annotations, in source order, while javac still has the sources.
 */
final class BundleCompiler {

    private static final Set<String> TEST_ANNOTATIONS = Set.of(
            "org.junit.jupiter.api.Test", "org.junit.jupiter.params.ParameterizedTest",
            "org.junit.jupiter.api.RepeatedTest", "org.junit.jupiter.api.TestFactory",
            "org.junit.jupiter.api.TestTemplate");
    private static final String DISPLAY_NAME = "org.junit.jupiter.api.DisplayName";
    private static final String ARCH_RULE = "com.tngtech.archunit.lang.ArchRule";
    private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private BundleCompiler() {
    }

    static TestBundle compile(Exercise exercise, TestRuntime runtime, Path workDir) {
        Path stubClasses = workDir.resolve("stub-classes");
        Path testClasses = workDir.resolve("test-classes");
        List<Path> stubSources = FileTree.javaFiles(exercise.stubSources());
        if (stubSources.isEmpty()) {
            throw new CourseException(exercise.slug() + ": no stub sources in " + exercise.stubSources());
        }
        Javac.Result stub = Javac.compile(stubSources, List.of(), stubClasses);
        if (!stub.success()) {
            throw new CourseException(exercise.slug() + ": the stub does not compile:\n" + render(stub));
        }
        List<Path> hidden = FileTree.javaFiles(exercise.hiddenTestSources());
        List<Path> sources = Stream.concat(FileTree.javaFiles(exercise.publicTestSources()).stream(),
                hidden.stream()).toList();
        List<Path> classpath = new ArrayList<>();
        classpath.add(stubClasses);
        classpath.addAll(runtime.compileClasspath());
        Scan scan = new Scan(exercise, hidden.stream().map(p -> p.toAbsolutePath().normalize())
                .collect(Collectors.toUnmodifiableSet()));
        Javac.Result tests = Javac.compile(sources, classpath, testClasses, scan::run);
        if (!tests.success()) {
            throw new CourseException(exercise.slug() + ": the tests do not compile:\n" + render(tests));
        }
        scan.validate();
        // Students read public checks before hidden ones, and tests before rules; sources keep their order.
        List<CheckSpec> ordered = scan.checks.stream()
                .sorted(java.util.Comparator.comparing(CheckSpec::hidden).thenComparing(CheckSpec::kind))
                .toList();
        return new TestBundle(exercise, testClasses, stubClasses, ordered);
    }

    private static String render(Javac.Result result) {
        return result.errors().stream()
                .map(p -> "  " + p.file() + ":" + p.line() + ": " + p.message())
                .collect(Collectors.joining("\n"));
    }

    /** Walks the attributed sources and collects the checks. */
    private static final class Scan {
        private final Exercise exercise;
        private final Set<Path> hiddenFiles;
        private final List<CheckSpec> checks = new ArrayList<>();
        private final List<String> problems = new ArrayList<>();
        private Elements elements;
        private Types types;

        Scan(Exercise exercise, Set<Path> hiddenFiles) {
            this.exercise = exercise;
            this.hiddenFiles = hiddenFiles;
        }

        void run(Javac.Analysis analysis) {
            elements = analysis.task().getElements();
            types = analysis.task().getTypes();
            Trees trees = Trees.instance(analysis.task());
            for (CompilationUnitTree unit : analysis.units()) {
                boolean hidden = hiddenFiles.contains(Path.of(unit.getSourceFile().toUri()).toAbsolutePath().normalize());
                for (Tree declaration : unit.getTypeDecls()) {
                    Element element = trees.getElement(TreePath.getPath(unit, declaration));
                    if (element instanceof TypeElement type) {
                        scanType(type, hidden);
                    }
                }
            }
        }

        private void scanType(TypeElement type, boolean hidden) {
            for (Element member : type.getEnclosedElements()) {
                if (member instanceof TypeElement nested) {
                    scanType(nested, hidden);
                } else if (member instanceof ExecutableElement method && member.getKind() == ElementKind.METHOD) {
                    scanMethod(type, method, hidden);
                } else if (member instanceof VariableElement field && member.getAnnotation(Graded.class) != null) {
                    scanRule(type, field, hidden);
                }
            }
        }

        private void scanMethod(TypeElement type, ExecutableElement method, boolean hidden) {
            Graded graded = method.getAnnotation(Graded.class);
            boolean test = annotations(method).anyMatch(TEST_ANNOTATIONS::contains);
            String where = type.getQualifiedName() + "." + method.getSimpleName();
            if (test && graded == null) {
                problems.add(where + " is a test without @Graded: give it an id and points");
            } else if (!test && graded != null) {
                problems.add(where + " has @Graded but is not a @Test");
            } else if (test) {
                String parameters = method.getParameters().stream()
                        .map(p -> binaryTypeName(p.asType()))
                        .collect(Collectors.joining(","));
                String selector = elements.getBinaryName(type) + "#" + method.getSimpleName() + "(" + parameters + ")";
                add(graded, CheckKind.TEST, method, type, selector, hidden);
            }
        }

        private void scanRule(TypeElement type, VariableElement field, boolean hidden) {
            TypeElement archRule = elements.getTypeElement(ARCH_RULE);
            String where = type.getQualifiedName() + "." + field.getSimpleName();
            if (archRule == null || !types.isAssignable(field.asType(), archRule.asType())) {
                problems.add(where + " has @Graded but is not an ArchRule field");
            } else if (!field.getModifiers().contains(Modifier.STATIC)) {
                problems.add(where + " must be static to be graded as a rule");
            } else {
                add(field.getAnnotation(Graded.class), CheckKind.RULE, field, type,
                        field.getSimpleName().toString(), hidden);
            }
        }

        private void add(Graded graded, CheckKind kind, Element member, TypeElement type, String selector,
                         boolean hidden) {
            String name = !graded.name().isBlank() ? graded.name()
                    : displayName(member).orElse(member.getSimpleName().toString());
            checks.add(new CheckSpec(graded.id(), name, kind, graded.visibility(),
                    graded.points(), graded.timeoutSeconds(), elements.getBinaryName(type).toString(), selector,
                    hidden, graded.scheduled()));
        }

        void validate() {
            Set<String> ids = new HashSet<>();
            for (CheckSpec check : checks) {
                if (!ID.matcher(check.id()).matches()) {
                    problems.add("check id '" + check.id() + "' must be kebab-case (a-z, 0-9, '-')");
                }
                if (!ids.add(check.id())) {
                    problems.add("check id '" + check.id() + "' is used twice");
                }
                if (!(check.points() > 0)) {
                    problems.add("check '" + check.id() + "' must be worth more than 0 points");
                }
                if (check.timeoutSeconds() < 1) {
                    problems.add("check '" + check.id() + "' needs a time limit of at least 1 s");
                }
                if (!check.hidden() && check.visibility() != Visibility.VISIBLE) {
                    problems.add("check '" + check.id() + "' is in the students' public tests, so its"
                            + " visibility must be VISIBLE, not " + check.visibility());
                }
            }
            if (checks.isEmpty()) {
                problems.add("no @Graded checks at all");
            }
            if (!problems.isEmpty()) {
                throw new CourseException(exercise.slug() + ": the grading spec has problems:\n  - "
                        + String.join("\n  - ", problems));
            }
        }

        private Stream<String> annotations(Element element) {
            return element.getAnnotationMirrors().stream()
                    .map(m -> ((TypeElement) m.getAnnotationType().asElement()).getQualifiedName().toString());
        }

        private java.util.Optional<String> displayName(Element element) {
            for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
                TypeElement annotation = (TypeElement) mirror.getAnnotationType().asElement();
                if (annotation.getQualifiedName().contentEquals(DISPLAY_NAME)) {
                    return mirror.getElementValues().values().stream().map(v -> String.valueOf(v.getValue()))
                            .findFirst();
                }
            }
            return java.util.Optional.empty();
        }

        private String binaryTypeName(TypeMirror type) {
            TypeMirror erased = types.erasure(type);
            if (erased.getKind() == TypeKind.ARRAY) {
                return binaryTypeName(((javax.lang.model.type.ArrayType) erased).getComponentType()) + "[]";
            }
            if (erased instanceof DeclaredType declared) {
                return elements.getBinaryName((TypeElement) declared.asElement()).toString();
            }
            return erased.toString();
        }
    }
}
