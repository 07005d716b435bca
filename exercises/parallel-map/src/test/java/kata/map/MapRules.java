package kata.map;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.util.Collection;
import java.util.stream.BaseStream;
import kata.support.Graded;

/** Public rules on how the map is built (they count once a test passes). */
@AnalyzeClasses(packages = "kata.map", importOptions = ImportOption.DoNotIncludeTests.class)
class MapRules {

    /** Collection.parallelStream() and Stream.parallel() (and the primitive streams' parallel()). */
    private static final DescribedPredicate<JavaMethodCall> PARALLEL_STREAM = DescribedPredicate.describe(
            "Collection.parallelStream() or Stream.parallel()",
            call -> (call.getName().equals("parallelStream") && call.getTargetOwner().isAssignableTo(Collection.class))
                    || (call.getName().equals("parallel") && call.getTargetOwner().isAssignableTo(BaseStream.class)));

    @ArchTest
    @Graded(id = "no-parallel-streams", name = "No parallel streams: the parallelism is yours to control", points = 1)
    static final ArchRule NO_PARALLEL_STREAMS = noClasses()
            .that().resideInAPackage("kata.map")
            .should().callMethodWhere(PARALLEL_STREAM)
            .because("a parallel stream runs on the JDK's common pool, whose size depends on the machine, not"
                    + " on the parallelism you were given, and it cannot be stopped at the first failure")
            .allowEmptyShould(true);
}
