package kata.grader;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;
import java.util.Arrays;
import java.util.List;
import kata.support.PublicApi;

/**
 * The product's architecture as executable rules: the grader ({@code kata.grader}), the protocol it
 * speaks with the test JVM ({@code kata.protocol}), the runner inside that JVM ({@code kata.runner}),
 * and kata-support ({@code kata.support}), the library of the checks and of the student's own runs.
 * {@link #LAYERS} is the architecture: every package is in one layer, and a layer uses only the
 * layers below it.
 */
@AnalyzeClasses(packages = {"kata.grader", "kata.protocol", "kata.runner", "kata.support"},
        importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** A layer: its name in failure messages and its packages (ArchUnit package identifiers). */
    private record Layer(String name, String... packages) {
    }

    /** Top to bottom. */
    private static final List<Layer> LAYERS = List.of(
            // The test JVM's entry point. The grader reaches it only through kata.protocol.
            new Layer("runner", "kata.runner.."),
            // The grader's JVM: its command line, then the commands' own packages.
            new Layer("cli", "kata.grader.cli.."),
            new Layer("selfcheck", "kata.grader.selfcheck.."),
            new Layer("batch", "kata.grader.batch.."),
            // Grading one submission, and its steps.
            new Layer("engine", "kata.grader"),
            new Layer("rules", "kata.grader.rules.."),
            new Layer("sandbox", "kata.grader.sandbox.."),
            new Layer("run", "kata.grader.run.."),
            // Writing a kata, publishing the course.
            new Layer("authoring", "kata.grader.authoring.."),
            new Layer("publish", "kata.grader.publish.."),
            // A class's results and their renderings.
            new Layer("export", "kata.grader.export.."),
            new Layer("report", "kata.grader.report.."),
            new Layer("similarity", "kata.grader.similarity.."),
            new Layer("classresults", "kata.grader.classresults.."),
            new Layer("scorecards", "kata.grader.scorecards.."),
            new Layer("csv", "kata.grader.csv.."),
            // The course, its sources, and helpers every package of the grader may use.
            new Layer("course", "kata.grader.course.."),
            new Layer("compile", "kata.grader.compile.."),
            new Layer("intake", "kata.grader.intake.."),
            new Layer("text", "kata.grader.text.."),
            new Layer("files", "kata.grader.files.."),
            // Shared by the grader and the runner; it uses the JDK alone (its own rule, below).
            new Layer("protocol", "kata.protocol.."),
            // kata-support, on the student's class path too: the student's own run of the checks,
            new Layer("student run", "kata.support.report.."),
            // the scheduler and the checks' thread tools (one layer: Call drives the scheduler, which
            // names locks and finds deadlocks with kata.support.threads),
            new Layer("scheduler", "kata.support.interleave..", "kata.support.threads.."),
            new Layer("agent", "kata.support.agent.."),
            // the scorecard model and scoring policy, shared with the grader,
            new Layer("score", "kata.support.score.."),
            // the annotations of checks (and of kata-support's API),
            new Layer("annotations", "kata.support"),
            // and the hooks the agent gives the JDK: on the boot class path, they see nothing of ours.
            new Layer("boot", "kata.support.boot.."));

    /** ASM, relocated into kata-support's jar by its shade plugin: a library, not ours. */
    private static final String SHADED_ASM = "kata.support.shaded..";

    @ArchTest
    static final ArchRule EACH_LAYER_USES_ONLY_THE_LAYERS_BELOW_IT = layers();

    @ArchTest
    static final ArchRule EVERY_PACKAGE_IS_IN_A_LAYER = classes()
            .that().resideOutsideOfPackage(SHADED_ASM)
            .should().resideInAnyPackage(LAYERS.stream().flatMap(layer -> Arrays.stream(layer.packages()))
                    .toArray(String[]::new))
            .because("a new package has its place in ArchitectureTest.LAYERS, the order of the architecture");

    @ArchTest
    static final ArchRule KATA_SUPPORT_IS_PUBLIC_ONLY_AS_API = classes()
            .that().resideInAPackage("kata.support..").and().resideOutsideOfPackages("..internal..", SHADED_ASM)
            .and().areTopLevelClasses().and().arePublic()
            .should().beAnnotatedWith(PublicApi.class)
            .because("hidden checks are compiled only when grading, so no build shows what they use of"
                    + " kata-support; what anyone may use is marked, the rest is package-private or internal");

    @ArchTest
    static final ArchRule THE_PROTOCOL_NEEDS_ONLY_THE_JDK = classes()
            .that().resideInAPackage("kata.protocol..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("kata.protocol..", "java..")
            .because("it is on the test JVM's class path, which holds the harness and nothing more");

    @ArchTest
    static final ArchRule THE_SCORECARD_MODEL_IS_RECORDS_AND_ENUMS = classes()
            .that().resideInAPackage("kata.support.score..").and().areTopLevelClasses().and().areNotInterfaces()
            .and().doNotHaveSimpleName("Scoring").and().doNotHaveSimpleName("ScorecardText")
            .should().beRecords().orShould().beEnums()
            .because("besides its data the model has only the scoring policy and its JSON text");

    @ArchTest
    static final ArchRule NO_CYCLES = slices().matching("kata.grader.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule ONLY_THE_CLI_PRINTS = noClasses()
            .that().resideInAPackage("kata.grader..").and().resideOutsideOfPackage("kata.grader.cli..")
            .should().accessField(System.class, "out").orShould().accessField(System.class, "err")
            .because("the engine returns results; the command line decides what to print");

    /** Each layer of {@link #LAYERS} may use the layers below it, and no other. */
    private static LayeredArchitecture layers() {
        LayeredArchitecture architecture = layeredArchitecture().consideringOnlyDependenciesInLayers()
                // A class-file annotation only (see PublicApi): no class of the boot layer loads it.
                .ignoreDependency(resideInAPackage("kata.support.boot.."), equivalentTo(PublicApi.class));
        for (Layer layer : LAYERS) {
            architecture = architecture.layer(layer.name()).definedBy(layer.packages());
        }
        for (int i = 0; i < LAYERS.size() - 1; i++) {
            architecture = architecture.whereLayer(LAYERS.get(i).name()).mayOnlyAccessLayers(
                    LAYERS.subList(i + 1, LAYERS.size()).stream().map(Layer::name).toArray(String[]::new));
        }
        return architecture.whereLayer(LAYERS.get(LAYERS.size() - 1).name()).mayNotAccessAnyLayer();
    }
}
