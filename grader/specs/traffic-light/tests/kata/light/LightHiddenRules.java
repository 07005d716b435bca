package kata.light;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.lang.ArchRule;
import java.util.concurrent.TimeUnit;
import kata.support.Graded;
import kata.support.Visibility;

/** Hidden rules. */
class LightHiddenRules {

    @Graded(id = "no-polling", name = "Waiting cars block; they do not sleep, yield or spin in a loop", points = 1,
            visibility = Visibility.AFTER_DUE_DATE)
    static final ArchRule NO_POLLING = noClasses()
            .that().resideInAPackage("kata.light")
            .should().callMethod(Thread.class, "sleep", long.class)
            .orShould().callMethod(Thread.class, "sleep", long.class, int.class)
            .orShould().callMethod(TimeUnit.class, "sleep", long.class)
            .orShould().callMethod(Thread.class, "yield")
            .orShould().callMethod(Thread.class, "onSpinWait")
            .because("a car that polls the light burns CPU and notices green late; block until set() wakes it"
                    + " (wait() and notifyAll(), or a Condition)")
            .allowEmptyShould(true);
}
