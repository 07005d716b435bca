package kata.limit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import kata.support.Graded;

/** Public rules on how the limiter is built (they count once a test passes). */
@AnalyzeClasses(packages = "kata.limit", importOptions = ImportOption.DoNotIncludeTests.class)
class LimiterRules {

    private static final DescribedPredicate<JavaClass> CONSTANT_TYPE = DescribedPredicate.describe(
            "a primitive or String", type -> type.isPrimitive() || type.isEquivalentTo(String.class));

    @ArchTest
    @Graded(id = "no-static-state", name = "Each limiter has its own permits: no static state", points = 1)
    static final ArchRule NO_STATIC_STATE = fields()
            .that().areDeclaredInClassesThat().resideInAPackage("kata.limit").and().areStatic()
            .and().doNotHaveModifier(JavaModifier.SYNTHETIC)
            .should().beFinal().andShould().haveRawType(CONSTANT_TYPE)
            .because("a static semaphore or counter is shared by every limiter: a second Limiter would take or"
                    + " replace the first one's permits")
            .allowEmptyShould(true);
}
