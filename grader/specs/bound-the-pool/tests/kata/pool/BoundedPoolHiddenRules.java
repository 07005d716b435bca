package kata.pool;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.lang.ArchRule;
import java.util.concurrent.TimeUnit;
import kata.support.Graded;
import kata.support.Visibility;

/** Hidden rules. */
class BoundedPoolHiddenRules {

    @Graded(id = "no-sleep", name = "Workers and submitters wait on conditions, not by sleeping or spinning",
            points = 1, visibility = Visibility.AFTER_DUE_DATE)
    static final ArchRule NO_SLEEP = noClasses()
            .that().resideInAPackage("kata.pool")
            .should().callMethod(Thread.class, "sleep", long.class)
            .orShould().callMethod(Thread.class, "sleep", long.class, int.class)
            .orShould().callMethod(TimeUnit.class, "sleep", long.class)
            .orShould().callMethod(Thread.class, "yield")
            .orShould().callMethod(Thread.class, "onSpinWait")
            .because("a worker that sleeps between looks at the queue reacts late and still burns CPU when idle;"
                    + " wait on a condition (or take() from a blocking queue) and be woken when there is work")
            .allowEmptyShould(true);
}
