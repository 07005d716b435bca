package kata.worker;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.AccessTarget;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaFieldAccess;
import com.tngtech.archunit.core.domain.JavaFieldAccess.AccessType;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import kata.support.Graded;

/**
 * Public rules (they count once a test passes). Whether a plain stop flag is ever seen by the
 * worker depends on the JIT, so besides running the worker hot, the kata checks the bytecode: the
 * one verdict on a plain flag that is the same on every JVM and every run.
 */
@AnalyzeClasses(packages = "kata.worker", importOptions = ImportOption.DoNotIncludeTests.class)
class WorkerRules {

    @ArchTest
    @Graded(id = "stop-request-is-volatile", name = "The request to stop is volatile (or atomic, or an interrupt)",
            points = 3)
    static final ArchRule STOP_REQUEST_IS_VOLATILE = classes()
            .that().resideInAPackage("kata.worker")
            .should(new StopRequestIsVisible())
            .because("the worker thread reads the flag that stop() sets; without volatile, the JIT may read it"
                    + " once before the loop and never again")
            .allowEmptyShould(true);

    /**
     * Every non-final field of a simple value type (a primitive, its box, an enum) that stop() sets,
     * itself or through methods of the kata it calls, and that other code reads, must be volatile.
     * Fields read and written only in synchronized methods are accepted too.
     */
    private static final class StopRequestIsVisible extends ArchCondition<JavaClass> {

        StopRequestIsVisible() {
            super("make every field that stop() sets for the worker volatile");
        }

        @Override
        public void check(JavaClass owner, ConditionEvents events) {
            Set<JavaCodeUnit> stopCode = stopCode(owner);
            // getPlain() is a plain read: the JIT may hoist it out of the loop like a plain field's.
            // setPlain() is a plain write: no thread is ever promised to see it, even one that reads
            // with get().
            owner.getMethodCallsFromSelf().stream()
                    .filter(call -> call.getTargetOwner().getPackageName().equals("java.util.concurrent.atomic"))
                    .forEach(call -> {
                        if (call.getName().equals("getPlain")) {
                            events.add(SimpleConditionEvent.violated(call, call.getOrigin().getName() + "() reads "
                                    + call.getTargetOwner().getSimpleName() + ".getPlain() "
                                    + call.getSourceCodeLocation() + ", a plain read that the JIT may do once,"
                                    + " before the loop: use get()"));
                        } else if (call.getName().equals("setPlain") && !call.getOrigin().isConstructor()) {
                            events.add(SimpleConditionEvent.violated(call, call.getOrigin().getName()
                                    + "() writes " + call.getTargetOwner().getSimpleName() + ".setPlain() "
                                    + call.getSourceCodeLocation() + ", a plain write that the worker's thread is"
                                    + " never promised to see, even with get(): use set()"));
                        }
                    });
            for (JavaCodeUnit unit : stopCode) {
                for (JavaFieldAccess write : unit.getFieldAccesses()) {
                    if (write.getAccessType() != AccessType.SET) {
                        continue;
                    }
                    Optional<JavaField> field = write.getTarget().resolveMember();
                    if (field.isPresent() && isPlainFlag(field.get()) && readElsewhere(field.get(), stopCode)
                            && !allSynchronized(field.get())) {
                        events.add(SimpleConditionEvent.violated(write, "stop() sets the plain field "
                                + field.get().getOwner().getSimpleName() + "." + field.get().getName()
                                + " " + write.getSourceCodeLocation() + ", which other code reads: declare it"
                                + " volatile, or use an AtomicBoolean or Thread.interrupt()"));
                    }
                }
            }
        }

        /** The methods named stop, and the kata's methods they call, directly or not. */
        private static Set<JavaCodeUnit> stopCode(JavaClass owner) {
            Set<JavaCodeUnit> seen = new HashSet<>();
            Deque<JavaCodeUnit> todo = new ArrayDeque<>();
            owner.getMethods().stream().filter(m -> m.getName().equals("stop")).forEach(todo::add);
            while (!todo.isEmpty()) {
                JavaCodeUnit unit = todo.pop();
                if (!seen.add(unit)) {
                    continue;
                }
                for (JavaAccess<?> call : unit.getCallsFromSelf()) {
                    if (call.getTarget() instanceof AccessTarget.CodeUnitCallTarget target
                            && target.getOwner().getPackageName().equals("kata.worker")) {
                        target.resolveMember().ifPresent(todo::add);
                    }
                }
            }
            return seen;
        }

        private static boolean isPlainFlag(JavaField field) {
            Set<JavaModifier> modifiers = field.getModifiers();
            if (modifiers.contains(JavaModifier.FINAL) || modifiers.contains(JavaModifier.VOLATILE)
                    || !field.getOwner().getPackageName().equals("kata.worker")) {
                return false;
            }
            JavaClass type = field.getRawType();
            return type.isPrimitive() || type.isEnum() || type.getPackageName().equals("java.lang")
                    && !type.getName().equals(Thread.class.getName()) && !type.getName().equals(Object.class.getName());
        }

        private static boolean readElsewhere(JavaField field, Set<JavaCodeUnit> stopCode) {
            return field.getAccessesToSelf().stream().anyMatch(access -> access.getAccessType() == AccessType.GET
                    && !stopCode.contains(access.getOrigin()) && !access.getOrigin().isConstructor());
        }

        private static boolean allSynchronized(JavaField field) {
            return field.getAccessesToSelf().stream().allMatch(access -> access.getOrigin().isConstructor()
                    || access.getOrigin().getModifiers().contains(JavaModifier.SYNCHRONIZED));
        }
    }
}
