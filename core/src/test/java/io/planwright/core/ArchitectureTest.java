package io.planwright.core;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

/** Core is plain Java: it knows nothing of Spring, JDBC, Jackson, YAML or MPXJ. */
class ArchitectureTest {

    private static final JavaClasses CORE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.planwright.core");

    @Test
    void coreDependsOnNothingButTheJdk() {
        classes().that().resideInAPackage("io.planwright.core..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "io.planwright.core..")
                .because("core is the plain-Java heart: the model and the engines, with no framework and no I/O")
                .check(CORE);
    }

    @Test
    void coreDoesNoIo() {
        classes().that().resideInAPackage("io.planwright.core..")
                .should().onlyDependOnClassesThat().resideOutsideOfPackages("java.io..", "java.nio..", "java.net..", "java.sql..")
                .because("reading and writing files belongs to formats, cli and server")
                .check(CORE);
    }

    @Test
    void corePackagesAreFreeOfCycles() {
        com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices().matching("io.planwright.core.(*)..")
                .should().beFreeOfCycles()
                .because("each engine and concept builds on those below it (model, calendar, schedule, ...), never the other way round")
                .check(CORE);
    }

    @Test
    void thereIsSomethingToCheck() {
        org.assertj.core.api.Assertions.assertThat(CORE.size()).isGreaterThan(20);
    }
}
