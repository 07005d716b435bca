package kata.buffer;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.lang.ArchRule;
import kata.support.Graded;
import kata.support.Visibility;

/** Hidden rules. */
class BoundedBufferHiddenRules {

    /*
     * Why a rule and not a schedule: notify() loses a wake-up only when another thread barges in
     * between the wake-up and the woken thread's return from wait(), and whether the scheduler lets
     * that happen depends on how fast the OS wakes the thread, not on the schedule alone; a check
     * built on it would catch the bug on some runs only. The rule is exact for this kata: producers
     * and consumers wait on one monitor, so a single notify() can always wake the wrong kind.
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
