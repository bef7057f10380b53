package io.runflow.micronaut;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The module is wiring over core's public API: no internal layer of core or of the testkit. */
class ArchitectureTest {

    private static final JavaClasses MICRONAUT = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.runflow.micronaut");

    @Test
    void usesNoInternalClassOfCore() {
        noClasses()
                .that()
                .resideInAPackage("io.runflow.micronaut..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("io.runflow.internal..")
                .because("an adapter is wiring over core's public API; shared logic belongs in core")
                .check(MICRONAUT);
    }

    @Test
    void usesNoInternalClassOfTheTestkit() {
        noClasses()
                .that()
                .resideInAPackage("io.runflow.micronaut..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("io.runflow.testkit.internal..")
                .check(MICRONAUT);
    }
}
