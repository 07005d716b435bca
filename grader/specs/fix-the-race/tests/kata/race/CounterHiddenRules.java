package kata.race;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.lang.ArchRule;
import java.util.concurrent.TimeUnit;
import kata.support.Graded;
import kata.support.Visibility;

/** Hidden rules. */
class CounterHiddenRules {

    @Graded(id = "no-sleep", name = "No sleeping or yielding, whatever the reason", points = 1,
            visibility = Visibility.AFTER_DUE_DATE)
    static final ArchRule NO_SLEEP = noClasses()
            .that().resideInAPackage("kata.race")
            .should().callMethod(Thread.class, "sleep", long.class)
            .orShould().callMethod(Thread.class, "sleep", long.class, int.class)
            .orShould().callMethod(TimeUnit.class, "sleep", long.class)
            .orShould().callMethod(Thread.class, "yield")
            .because("sleeping or yielding only makes a race rarer, never impossible, and a correct counter"
                    + " needs neither (not even as a back-off in a compareAndSet loop); exclude the threads from"
                    + " each other instead")
            .allowEmptyShould(true);
}
