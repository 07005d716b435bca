package kata.limit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.lang.ArchRule;
import java.util.concurrent.TimeUnit;
import kata.support.Graded;
import kata.support.Visibility;

/** Hidden rules. */
class LimiterHiddenRules {

    @Graded(id = "no-polling", name = "Waiting callers block; they do not sleep, yield or spin in a loop", points = 1,
            visibility = Visibility.AFTER_DUE_DATE)
    static final ArchRule NO_POLLING = noClasses()
            .that().resideInAPackage("kata.limit")
            .should().callMethod(Thread.class, "sleep", long.class)
            .orShould().callMethod(Thread.class, "sleep", long.class, int.class)
            .orShould().callMethod(TimeUnit.class, "sleep", long.class)
            .orShould().callMethod(Thread.class, "yield")
            .orShould().callMethod(Thread.class, "onSpinWait")
            .because("a caller that polls for a free permit burns CPU and notices a freed permit late; block until"
                    + " a permit is given back (Semaphore.acquire, or wait() until notified)")
            .allowEmptyShould(true);
}
