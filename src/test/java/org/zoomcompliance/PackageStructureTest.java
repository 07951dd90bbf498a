package org.zoomcompliance;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** One package per capability, no cycle between them, and config, month and infrastructure at the bottom. */
class PackageStructureTest {

    private static final JavaClasses PRODUCTION = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages("org.zoomcompliance");

    @Test
    void noPackageCycle() {
        slices().matching("org.zoomcompliance.(*)..").should().beFreeOfCycles().check(PRODUCTION);
    }

    @Test
    void configDependsOnNoOtherCapability() {
        noClasses().that().resideInAPackage("org.zoomcompliance.config..").should().dependOnClassesThat()
                .resideOutsideOfPackages("org.zoomcompliance.config..", "java..", "jakarta..", "org.springframework..",
                        "org.hibernate.validator..", "org.yaml.snakeyaml..")
                .check(PRODUCTION);
    }

    @Test
    void infrastructureAndMonthReadOnlyConfig() {
        noClasses().that().resideInAnyPackage("org.zoomcompliance.infrastructure..", "org.zoomcompliance.month..")
                .should().dependOnClassesThat().resideInAnyPackage("org.zoomcompliance.cli..",
                        "org.zoomcompliance.ingest..", "org.zoomcompliance.nightly..", "org.zoomcompliance.operations..",
                        "org.zoomcompliance.policy..", "org.zoomcompliance.pseudonymisation..", "org.zoomcompliance.pull..",
                        "org.zoomcompliance.report..", "org.zoomcompliance.retention..", "org.zoomcompliance.subject..",
                        "org.zoomcompliance.web..")
                .check(PRODUCTION);
    }
}
