package kata.grader;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The grader's module boundaries, one package per concern, as executable rules. The scorecard model
 * and the scoring policy live in kata-support ({@code kata.support.score}), shared with the student's
 * own runs. The protocol with the test JVM's runner ({@code kata.protocol}) is shared with the runner.
 */
@AnalyzeClasses(packages = {"kata.grader", "kata.support.score", "kata.protocol"},
        importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule LAYERS = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("cli").definedBy("kata.grader.cli..")
            .layer("selfcheck").definedBy("kata.grader.selfcheck..")
            .layer("batch").definedBy("kata.grader.batch..")
            .layer("engine").definedBy("kata.grader")
            .layer("intake").definedBy("kata.grader.intake..")
            .layer("compile").definedBy("kata.grader.compile..")
            .layer("course").definedBy("kata.grader.course..")
            .layer("rules").definedBy("kata.grader.rules..")
            .layer("sandbox").definedBy("kata.grader.sandbox..")
            .layer("run").definedBy("kata.grader.run..")
            .layer("score").definedBy("kata.support.score..")
            .layer("export").definedBy("kata.grader.export..")
            .layer("classresults").definedBy("kata.grader.classresults..")
            .layer("similarity").definedBy("kata.grader.similarity..")
            .layer("scorecards").definedBy("kata.grader.scorecards..")
            .layer("csv").definedBy("kata.grader.csv..")
            .layer("report").definedBy("kata.grader.report..")
            .layer("files").definedBy("kata.grader.files..")
            .layer("publish").definedBy("kata.grader.publish..")
            .layer("authoring").definedBy("kata.grader.authoring..")
            .layer("text").definedBy("kata.grader.text..")
            .layer("protocol").definedBy("kata.protocol..")
            .whereLayer("cli").mayNotBeAccessedByAnyLayer()
            .whereLayer("selfcheck").mayOnlyBeAccessedByLayers("cli")
            .whereLayer("batch").mayOnlyBeAccessedByLayers("cli")
            .whereLayer("engine").mayOnlyBeAccessedByLayers("cli", "selfcheck", "batch")
            .whereLayer("rules").mayOnlyBeAccessedByLayers("engine")
            .whereLayer("sandbox").mayOnlyBeAccessedByLayers("engine", "cli")
            .whereLayer("run").mayOnlyBeAccessedByLayers("engine", "selfcheck", "cli")
            .whereLayer("intake").mayOnlyBeAccessedByLayers("engine", "compile", "cli", "batch")
            .whereLayer("export").mayOnlyBeAccessedByLayers("cli")
            .whereLayer("classresults").mayOnlyBeAccessedByLayers("cli", "batch", "report", "export", "similarity")
            .whereLayer("similarity").mayOnlyBeAccessedByLayers("cli", "batch")
            .whereLayer("scorecards").mayOnlyBeAccessedByLayers("cli", "batch", "classresults", "export", "report")
            .whereLayer("csv").mayOnlyBeAccessedByLayers("classresults", "export")
            .whereLayer("report").mayOnlyBeAccessedByLayers("cli", "selfcheck", "batch")
            .whereLayer("publish").mayOnlyBeAccessedByLayers("cli")
            .whereLayer("authoring").mayOnlyBeAccessedByLayers("cli")
            .whereLayer("protocol").mayOnlyBeAccessedByLayers("run");

    @ArchTest
    static final ArchRule THE_PROTOCOL_NEEDS_ONLY_THE_JDK = classes()
            .that().resideInAPackage("kata.protocol..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("kata.protocol..", "java..")
            .because("it is on the test JVM's class path, which holds the harness and nothing more");

    @ArchTest
    static final ArchRule THE_SCORECARD_MODEL_DEPENDS_ON_NOTHING_ELSE = noClasses()
            .that().resideInAPackage("kata.support.score..")
            .should().dependOnClassesThat().resideInAnyPackage("kata.grader", "kata.grader.cli..",
                    "kata.grader.course..", "kata.grader.run..", "kata.grader.rules..", "kata.grader.compile..",
                    "kata.grader.intake..", "kata.grader.export..", "kata.grader.report..", "kata.grader.selfcheck..",
                    "kata.grader.batch..", "kata.grader.publish..", "kata.grader.authoring..", "kata.grader.sandbox..",
                    "kata.grader.classresults..", "kata.grader.similarity..", "kata.grader.scorecards..",
                    "kata.grader.csv..");

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
            .that().resideOutsideOfPackage("kata.grader.cli..")
            .should().accessField(System.class, "out").orShould().accessField(System.class, "err")
            .because("the engine returns results; the command line decides what to print");
}
