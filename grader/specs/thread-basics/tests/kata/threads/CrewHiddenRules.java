package kata.threads;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.lang.ArchRule;
import java.util.concurrent.TimeUnit;
import kata.support.Graded;
import kata.support.Visibility;

/** Hidden rules. */
class CrewHiddenRules {

    @Graded(id = "no-sleep", name = "The crew waits with join, not sleep (Thread.sleep, TimeUnit.sleep)", points = 1,
            visibility = Visibility.AFTER_DUE_DATE)
    static final ArchRule NO_SLEEP = noClasses()
            .that().resideInAPackage("kata.threads")
            .should().callMethod(Thread.class, "sleep", long.class)
            .orShould().callMethod(Thread.class, "sleep", long.class, int.class)
            .orShould().callMethod(TimeUnit.class, "sleep", long.class)
            .because("join(millis) returns the moment the thread ends; sleeping waits the whole time even when"
                    + " every thread is long done")
            .allowEmptyShould(true);
}
