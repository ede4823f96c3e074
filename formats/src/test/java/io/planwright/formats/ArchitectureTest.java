package io.planwright.formats;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The formats build on core and on each other without cycles, and know nothing of the CLI or the server. */
class ArchitectureTest {

    private static final JavaClasses FORMATS = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.planwright.formats");

    @Test
    void formatPackagesAreFreeOfCycles() {
        slices().matching("io.planwright.formats.(*)..").should().beFreeOfCycles().check(FORMATS);
    }

    @Test
    void formatsKnowNothingOfTheFacesAbove() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("io.planwright.cli..", "io.planwright.server..", "io.planwright.bench..")
                .check(FORMATS);
    }
}
