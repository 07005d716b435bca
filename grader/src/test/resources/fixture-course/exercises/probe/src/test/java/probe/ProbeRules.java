package probe;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;

import com.tngtech.archunit.lang.ArchRule;
import kata.support.Graded;

class ProbeRules {

    @Graded(id = "private-fields", name = "Fields are private", points = 1)
    static final ArchRule PRIVATE_FIELDS = fields().that().areDeclaredInClassesThat().resideInAPackage("probe")
            .should().bePrivate().allowEmptyShould(true);
}
