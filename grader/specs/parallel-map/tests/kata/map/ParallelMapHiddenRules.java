package kata.map;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.lang.ArchRule;
import java.util.concurrent.TimeUnit;
import kata.support.Graded;
import kata.support.Visibility;

/** Hidden rules. */
class ParallelMapHiddenRules {

    @Graded(id = "no-sleep", name = "The caller waits for results, not by sleeping or spinning", points = 1,
            visibility = Visibility.AFTER_DUE_DATE)
    static final ArchRule NO_SLEEP = noClasses()
            .that().resideInAPackage("kata.map")
            .should().callMethod(Thread.class, "sleep", long.class)
            .orShould().callMethod(Thread.class, "sleep", long.class, int.class)
            .orShould().callMethod(TimeUnit.class, "sleep", long.class)
            .orShould().callMethod(Thread.class, "yield")
            .orShould().callMethod(Thread.class, "onSpinWait")
            .because("polling the futures with sleeps reacts late to the first failure and wastes CPU;"
                    + " wait in future.get() or CompletionService.take()")
            .allowEmptyShould(true);
}
