package __PACKAGE__;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;

import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import kata.support.Graded;

/** Public rules (they count once a test passes). */
@AnalyzeClasses(packages = "__PACKAGE__", importOptions = ImportOption.DoNotIncludeTests.class)
class TallyRules {

    @ArchTest
    @Graded(id = "state-is-private", name = "The total is private", points = 1)
    static final ArchRule STATE_IS_PRIVATE = fields()
            .that().areDeclaredInClassesThat().resideInAPackage("__PACKAGE__")
            .and().doNotHaveModifier(JavaModifier.SYNTHETIC)
            .should().bePrivate()
            .because("code outside the class could change the total without taking your lock")
            .allowEmptyShould(true);
}
