package kata.grader.course;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import kata.grader.files.FileTree;

/**
 * The katas the grader knows: every {@code grader/specs/<slug>/exercise.json} under a course
 * root, with the public side in {@code exercises/<slug>}. Test bundles are compiled on first use
 * and kept for the life of the grader.
 */
public final class Course {

    private record SpecFile(String title, Integer order, LimitsFile limits, List<String> providedFiles,
                            Boolean instrument, List<String> allow) {
    }

    private record LimitsFile(Integer heapMegabytes, Integer exerciseSeconds) {
    }

    private static final JsonMapper JSON = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private final Path root;
    private final List<Exercise> exercises;
    private final TestRuntime runtime;
    private final Path workDir;
    private final Map<String, TestBundle> bundles = new ConcurrentHashMap<>();

    private Course(Path root, List<Exercise> exercises, TestRuntime runtime, Path workDir) {
        this.root = root;
        this.exercises = exercises;
        this.runtime = runtime;
        this.workDir = workDir;
    }

    /** The course shipped inside this grader. */
    public static Course shipped() {
        return load(Resources.folder("kata-course"), TestRuntime.shipped());
    }

    /** The course in a source tree (a clone of the course repository), for authors. */
    public static Course load(Path courseRoot, TestRuntime runtime) {
        Path root = courseRoot.toAbsolutePath().normalize();
        Path specs = root.resolve("grader/specs");
        if (!Files.isDirectory(specs)) {
            throw new CourseException("not a course directory (no grader/specs): " + root);
        }
        List<Exercise> exercises = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(specs)) {
            for (Path specDir : dirs.filter(d -> Files.isRegularFile(d.resolve("exercise.json"))).toList()) {
                exercises.add(exercise(root, specDir));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        exercises.sort(Comparator.comparingInt(Exercise::order).thenComparing(Exercise::slug));
        return new Course(root, List.copyOf(exercises), runtime, workDirectory());
    }

    private static Exercise exercise(Path root, Path specDir) {
        String slug = specDir.getFileName().toString();
        SpecFile spec;
        try {
            spec = JSON.readValue(specDir.resolve("exercise.json").toFile(), SpecFile.class);
        } catch (IOException e) {
            throw new CourseException(slug + ": cannot read exercise.json: " + e.getMessage(), e);
        }
        if (spec.title() == null || spec.title().isBlank()) {
            throw new CourseException(slug + ": exercise.json needs a title");
        }
        Path publicDir = root.resolve("exercises").resolve(slug);
        if (!Files.isDirectory(publicDir)) {
            throw new CourseException(slug + ": exercises/" + slug + " is missing");
        }
        Limits limits = spec.limits() == null ? Limits.DEFAULT : new Limits(
                spec.limits().heapMegabytes() == null ? Limits.DEFAULT.heapMegabytes() : spec.limits().heapMegabytes(),
                spec.limits().exerciseSeconds() == null ? Limits.DEFAULT.exerciseSeconds()
                        : spec.limits().exerciseSeconds());
        int order = spec.order() == null ? Integer.MAX_VALUE : spec.order();
        List<String> provided = spec.providedFiles() == null ? List.of() : spec.providedFiles();
        for (String file : provided) {
            if (!Files.isRegularFile(publicDir.resolve("src/main/java").resolve(file))) {
                throw new CourseException(slug + ": provided file " + file + " is not in the stub");
            }
        }
        boolean instrumented = spec.instrument() == null || spec.instrument();
        List<String> allow = spec.allow() == null ? List.of() : spec.allow();
        return new Exercise(slug, spec.title(), order, limits, publicDir, specDir, provided, instrumented, allow);
    }

    public Path root() {
        return root;
    }

    public TestRuntime runtime() {
        return runtime;
    }

    public List<Exercise> exercises() {
        return exercises;
    }

    public Optional<Exercise> find(String slug) {
        return exercises.stream().filter(e -> e.slug().equals(slug)).findFirst();
    }

    /**
     * The exercise's compiled checks: from the user's cache when these very sources were compiled
     * before, else compiled now; then shared (thread-safe).
     */
    public TestBundle bundle(Exercise exercise) {
        return bundles.computeIfAbsent(exercise.slug(), slug -> {
            try {
                return new BundleCache(Resources.cacheRoot().resolve("bundles")).get(exercise, runtime,
                        Resources.codeIdentity(), dir -> BundleCompiler.compile(exercise, runtime, dir));
            } catch (java.io.UncheckedIOException unwritableCache) {
                return BundleCompiler.compile(exercise, runtime, workDir.resolve("bundles").resolve(slug));
            }
        });
    }

    private static Path workDirectory() {
        try {
            Path dir = Files.createTempDirectory("kata-grader-");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> FileTree.deleteRecursively(dir)));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
