package kata.pool;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinTask;
import kata.support.Graded;

/** Public rules on how the pool is built (they count once a test passes). */
@AnalyzeClasses(packages = "kata.pool", importOptions = ImportOption.DoNotIncludeTests.class)
class PoolRules {

    /** The JDK's thread pools and their factories: ThreadPoolExecutor, ForkJoinPool, Executors... */
    private static final DescribedPredicate<JavaClass> JDK_POOLS = resideInAPackage("java..")
            .and(assignableTo(ExecutorService.class).or(assignableTo(ForkJoinTask.class)))
            .or(equivalentTo(Executors.class))
            .as("the JDK's thread pools (ExecutorService implementations, Executors, ForkJoinPool and its tasks)");

    /** CompletableFuture's ...Async methods without an Executor run on the JDK's common pool. */
    private static final DescribedPredicate<JavaMethodCall> ASYNC_ON_COMMON_POOL = DescribedPredicate.describe(
            "CompletableFuture's ...Async methods without an executor (they run on the common pool)",
            call -> call.getTargetOwner().isEquivalentTo(CompletableFuture.class)
                    && call.getName().endsWith("Async")
                    && call.getTarget().getRawParameterTypes().stream().noneMatch(t -> t.isAssignableTo(Executor.class)));

    @ArchTest
    @Graded(id = "builds-its-own-pool", name = "The pool is built from threads, not from the JDK's executors", points = 1)
    static final ArchRule BUILDS_ITS_OWN_POOL = noClasses()
            .that().resideInAPackage("kata.pool")
            .should().dependOnClassesThat(JDK_POOLS)
            .orShould().callMethodWhere(ASYNC_ON_COMMON_POOL)
            .because("the kata is to build the pool: its workers, its bounded queue and its shutdown are"
                    + " what you write; locks, conditions, blocking queues and FutureTask are fine to use")
            .allowEmptyShould(true);
}
