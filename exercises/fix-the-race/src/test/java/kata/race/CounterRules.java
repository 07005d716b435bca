package kata.race;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;

import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import kata.support.Graded;

/** Public rules on how the counter is built (they count once a test passes). */
@AnalyzeClasses(packages = "kata.race", importOptions = ImportOption.DoNotIncludeTests.class)
class CounterRules {

    @ArchTest
    @Graded(id = "state-is-private", name = "The counter's state is private", points = 1)
    static final ArchRule STATE_IS_PRIVATE = fields()
            .that().areDeclaredInClassesThat().resideInAPackage("kata.race")
            .and().doNotHaveModifier(JavaModifier.SYNTHETIC)
            .should().bePrivate()
            .because("code outside the class could change the count without taking your lock,"
                    + " and then no lock inside the class can keep it correct")
            .allowEmptyShould(true);
}
