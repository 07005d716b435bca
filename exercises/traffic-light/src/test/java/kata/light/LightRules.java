package kata.light;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import kata.support.Graded;

/** Public rules on how the light is built (they count once a test passes). */
@AnalyzeClasses(packages = "kata.light", importOptions = ImportOption.DoNotIncludeTests.class)
class LightRules {

    private static final DescribedPredicate<JavaClass> CONSTANT_TYPE = DescribedPredicate.describe(
            "a primitive or String", type -> type.isPrimitive() || type.isEquivalentTo(String.class));

    @ArchTest
    @Graded(id = "no-static-state", name = "Each light has its own state: no static state", points = 1)
    static final ArchRule NO_STATIC_STATE = fields()
            .that().areDeclaredInClassesThat().resideInAPackage("kata.light").and().areStatic()
            .and().doNotHaveModifier(JavaModifier.SYNTHETIC)
            .should().beFinal().andShould().haveRawType(CONSTANT_TYPE)
            .because("a static flag or lock is shared by every light: turning one light green or red would"
                    + " change every other light too")
            .allowEmptyShould(true);
}
