package kata.buffer;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.lang.ArchRule;
import kata.support.Graded;
import kata.support.Visibility;

/** Hidden rules. */
class BoundedBufferHiddenRules {

    /*
     * no-lost-wake-up finds the lost wake-up of notify() (and of one Condition with signal()) by
     * exploring schedules; this rule names the cause for every student who calls notify(), also when
     * the four threads of that check happen not to need the wrong wake-up: in this kata producers and
     * consumers wait on one monitor, so a single notify() can always wake the wrong kind.
     */
    @Graded(id = "notify-all", name = "Wake-ups go to every waiter (no notify())", points = 2,
            visibility = Visibility.AFTER_DUE_DATE)
    static final ArchRule NOTIFY_ALL = noClasses()
            .that().resideInAPackage("kata.buffer")
            .should().callMethod(Object.class, "notify")
            .because("producers and consumers wait on the same monitor, so notify() may wake a thread of the"
                    + " wrong kind (a consumer when only a producer can go on), which waits again: the wake-up"
                    + " is lost and both kinds can end up waiting forever; use notifyAll(), or two Conditions")
            .allowEmptyShould(true);
}
