package kata.runner;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Map;
import kata.support.agent.StudentCode;

/**
 * The class loaders of the test JVM. The JVM's class path holds only the harness (this runner,
 * JUnit, Awaitility, the kata support library). Student classes get a loader of their own that
 * sees the JDK and nothing else, save the scheduling hooks the kata agent calls from their
 * instrumented bytecode: student code cannot load, reference or read as a resource a class or
 * file of the checks, the runner, JUnit or Awaitility. The checks get a loader that sees the
 * harness first, then their own classes, then the student's, so no student class can stand in
 * for a class of the harness or of the checks. (The static safety rules forbid trying.) The checks'
 * classes are never files in the test JVM's reach: they arrive with the plan, on standard input.
 */
final class Isolation {

    private Isolation() {
    }

    /** The loader of the student's classes; classes it defines come from that directory. */
    static ClassLoader students(Path studentClasses) {
        return new StudentLoader(StudentCode.LOADER, url(studentClasses));
    }

    /**
     * A second loader of the student's classes, whose classes the kata agent gives scheduling points
     * also where the exercise keeps them as compiled: for checks marked {@code @Graded(scheduled = true)}.
     */
    static ClassLoader scheduledStudents(Path studentClasses) {
        return new StudentLoader(StudentCode.SCHEDULED_LOADER, url(studentClasses));
    }

    /**
     * The loader of the checks (public and hidden tests), which sees the student's classes too.
     *
     * @param classes the checks' class files by binary name, as the grader sent them
     */
    static ClassLoader checks(Map<String, byte[]> classes, ClassLoader students) {
        return new CheckLoader(classes, students);
    }

    private static URL url(Path directory) {
        try {
            return directory.toRealPath().toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException(directory.toString(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Parent: the platform loader (the JDK), so the class path is out of sight. The hooks that
     * instrumented student code calls (kata.support.boot) are on the boot class path, in sight.
     */
    private static final class StudentLoader extends URLClassLoader {

        static {
            registerAsParallelCapable();
        }

        StudentLoader(String name, URL classes) {
            super(name, new URL[] {classes}, ClassLoader.getPlatformClassLoader());
        }
    }

    /**
     * Parent: the class path (the harness); then the checks' own classes, defined from bytes held
     * in memory; then the student's.
     */
    private static final class CheckLoader extends ClassLoader {

        static {
            registerAsParallelCapable();
        }

        private final Map<String, byte[]> classes;
        private final ClassLoader students;

        CheckLoader(Map<String, byte[]> classes, ClassLoader students) {
            super("checks", ClassLoader.getSystemClassLoader());
            this.classes = Map.copyOf(classes);
            this.students = students;
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            byte[] bytes = classes.get(name);
            if (bytes == null) {
                throw new ClassNotFoundException(name);
            }
            return defineClass(name, bytes, 0, bytes.length);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            synchronized (getClassLoadingLock(name)) {
                Class<?> loaded = findLoadedClass(name);
                if (loaded == null) {
                    loaded = harnessOrOwn(name);
                }
                if (loaded == null) {
                    loaded = students.loadClass(name);
                }
                if (resolve) {
                    resolveClass(loaded);
                }
                return loaded;
            }
        }

        private Class<?> harnessOrOwn(String name) {
            try {
                return getParent().loadClass(name);
            } catch (ClassNotFoundException notHarness) {
                try {
                    return findClass(name);
                } catch (ClassNotFoundException notACheck) {
                    return null;
                }
            }
        }
    }
}
