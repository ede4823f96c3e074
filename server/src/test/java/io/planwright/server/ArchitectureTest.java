package io.planwright.server;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;
import org.springframework.stereotype.Repository;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The server is organised by feature (plans, schedule, risks, stakeholders, objectives, accounts,
 * system) on top of shared exceptions and web helpers: no cycles between them, and the pages reach the
 * data only through the services.
 */
class ArchitectureTest {

    static final JavaClasses SERVER = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.planwright.server");

    static final ArchRule FEATURES_FREE_OF_CYCLES = slices().matching("io.planwright.server.(*)..")
            .should().beFreeOfCycles()
            .because("a feature package uses plans, accounts and the shared packages, never one that uses it");

    static final ArchRule PAGES_THROUGH_SERVICES = noClasses()
            .that().resideInAPackage("io.planwright.server.web..")
            .or().haveSimpleNameEndingWith("Pages").or().haveSimpleNameEndingWith("Page").or().haveSimpleNameEndingWith("PageFrame")
            .should().dependOnClassesThat().areAnnotatedWith(Repository.class)
            .orShould().dependOnClassesThat().resideInAnyPackage("org.springframework.jdbc..", "java.sql..", "javax.sql..")
            .because("pages show what the services give them; reading and writing the database is the stores' and services' work");

    static final ArchRule STORE_ONLY_IN_PLANS = noClasses()
            .that().resideOutsideOfPackage("io.planwright.server.plans..")
            .should().dependOnClassesThat().areAnnotatedWith(Repository.class)
            .because("the other features read and change plans through PlanService, which keeps the revisions, checks and schedules right");

    static final ArchRule SHARED_DEPENDS_ON_NO_FEATURE = noClasses()
            .that().resideInAnyPackage("io.planwright.server.shared..", "io.planwright.server.web..")
            .should().dependOnClassesThat().resideInAnyPackage("io.planwright.server.plans..", "io.planwright.server.schedule..",
                    "io.planwright.server.risks..", "io.planwright.server.stakeholders..", "io.planwright.server.objectives..",
                    "io.planwright.server.accounts..", "io.planwright.server.system..")
            .because("the shared exceptions and the web helpers are used by every feature and use none");

    @Test
    void featurePackagesAreFreeOfCycles() {
        FEATURES_FREE_OF_CYCLES.check(SERVER);
    }

    @Test
    void pagesReachDataOnlyThroughServices() {
        PAGES_THROUGH_SERVICES.check(SERVER);
    }

    @Test
    void onlyThePlansFeatureUsesThePlanStore() {
        STORE_ONLY_IN_PLANS.check(SERVER);
    }

    @Test
    void sharedPackagesUseNoFeature() {
        SHARED_DEPENDS_ON_NO_FEATURE.check(SERVER);
    }

    @Test
    void thereIsSomethingToCheck() {
        org.assertj.core.api.Assertions.assertThat(SERVER.size()).isGreaterThan(50);
    }
}
