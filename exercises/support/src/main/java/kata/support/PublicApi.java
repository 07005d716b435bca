package kata.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A type of kata-support that code outside it relies on: the katas' checks (public tests, and the
 * grader's hidden checks, which are compiled only when a submission is graded), the grader, the
 * runner, or a build file, manifest or service file that names it. Renaming, moving or narrowing
 * such a type breaks them where kata-support's own build cannot see it. Every other type is
 * package-private, or public in an {@code internal} package for kata-support's other packages
 * alone; the grader's ArchitectureTest holds kata-support to that.
 *
 * <p>Retained in class files only, for ArchitectureTest: nothing reads it at run time, and the
 * classes that the agent puts on the boot class path need not see it there.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
@PublicApi
public @interface PublicApi {
}
