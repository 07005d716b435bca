package kata.worker;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.lang.ArchRule;
import java.util.concurrent.TimeUnit;
import kata.support.Graded;
import kata.support.Visibility;

/** Hidden rules. */
class WorkerHiddenRules {

    @Graded(id = "no-sleep", name = "The worker waits with join, not sleep", points = 1,
            visibility = Visibility.AFTER_DUE_DATE)
    static final ArchRule NO_SLEEP = noClasses()
            .that().resideInAPackage("kata.worker")
            .should().callMethod(Thread.class, "sleep", long.class)
            .orShould().callMethod(Thread.class, "sleep", long.class, int.class)
            .orShould().callMethod(TimeUnit.class, "sleep", long.class)
            .because("stop() must wait exactly until the worker has ended (join); a sleep is either too short"
                    + " or too long, and the worker's loop must not slow itself down")
            .allowEmptyShould(true);
}
