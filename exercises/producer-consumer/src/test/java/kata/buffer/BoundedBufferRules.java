package kata.buffer;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import kata.support.Graded;

/** Public rules on how the buffer is built (they count once a test passes). */
@AnalyzeClasses(packages = "kata.buffer", importOptions = ImportOption.DoNotIncludeTests.class)
class BoundedBufferRules {

    /** java.util.concurrent except TimeUnit, which the API itself uses. */
    static final DescribedPredicate<JavaClass> READY_MADE = JavaClass.Predicates.resideInAPackage("java.util.concurrent")
            .and(DescribedPredicate.not(JavaClass.Predicates.equivalentTo(java.util.concurrent.TimeUnit.class)))
            .as("ready-made java.util.concurrent classes (other than TimeUnit)");

    @ArchTest
    @Graded(id = "own-waiting", name = "The buffer does its own waiting (no java.util.concurrent queue)", points = 1)
    static final ArchRule OWN_WAITING = noClasses()
            .that().resideInAPackage("kata.buffer")
            .should().dependOnClassesThat(READY_MADE)
            .because("the kata is to write the waiting yourself with wait/notifyAll or Lock/Condition"
                    + " (java.util.concurrent.locks); wrapping an ArrayBlockingQueue or a Semaphore hides it")
            .allowEmptyShould(true);
}
