package kata.bank;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.util.Comparator;
import kata.support.Graded;

/** Public rules on how the bank is built (they count once a test passes). */
@AnalyzeClasses(packages = "kata.bank", importOptions = ImportOption.DoNotIncludeTests.class)
class BankRules {

    @ArchTest
    @Graded(id = "no-synchronized-bank", name = "Bank's methods do not lock the whole bank", points = 1)
    static final ArchRule NO_SYNCHRONIZED_BANK = methods()
            .that().areDeclaredIn(Bank.class)
            .should().notHaveModifier(JavaModifier.SYNCHRONIZED)
            .because("a synchronized method of Bank locks the one Bank object, so no two transfers could run"
                    + " at the same time")
            .allowEmptyShould(true);

    /** What a static field may hold: a constant that no transfer can change. */
    private static final DescribedPredicate<JavaClass> CONSTANT_TYPE = DescribedPredicate.describe(
            "a primitive, a String, an enum, a java.time value or a Comparator",
            type -> type.isPrimitive() || type.isEquivalentTo(String.class) || type.isEnum()
                    || type.getPackageName().equals("java.time") || type.isEquivalentTo(Comparator.class));

    @ArchTest
    @Graded(id = "no-static-lock", name = "No static lock or static mutable state", points = 1)
    static final ArchRule NO_STATIC_LOCK = fields()
            .that().areDeclaredInClassesThat().resideInAPackage("kata.bank").and().areStatic()
            .and().doNotHaveModifier(JavaModifier.SYNTHETIC)
            .should().beFinal().andShould().haveRawType(CONSTANT_TYPE)
            .because("static state is shared by every Bank and every transfer: a static lock serializes them all,"
                    + " and a static counter, atomic, map or list (final or not) is mutable state that no account"
                    + " lock guards; lock the two accounts a transfer uses, and keep any other state in the Bank"
                    + " object")
            .allowEmptyShould(true);
}
