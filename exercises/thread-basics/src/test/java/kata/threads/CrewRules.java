package kata.threads;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import kata.support.Graded;

/** Public rules on how the crew is built (they count once a test passes). */
@AnalyzeClasses(packages = "kata.threads", importOptions = ImportOption.DoNotIncludeTests.class)
class CrewRules {

    @ArchTest
    @Graded(id = "starts-threads", name = "The crew starts its threads with start()", points = 1)
    static final ArchRule STARTS_THREADS = classes()
            .that().haveSimpleName("Crew")
            .should().callMethodWhere(describe("Thread.start()", (JavaMethodCall call) ->
                    call.getName().equals("start") && call.getTarget().getParameterTypes().isEmpty()
                            && call.getTargetOwner().isAssignableTo(Thread.class)))
            .because("only start() runs a thread's work on the new thread; run() runs it on the caller's")
            .allowEmptyShould(true);
}
