package io.runflow.spring;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The starter is wiring over core's public API: no internal layer, no testkit. */
class ArchitectureTest {

    private static final JavaClasses STARTER = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.runflow.spring");

    @Test
    void usesNoInternalClassOfCore() {
        noClasses()
                .that()
                .resideInAPackage("io.runflow.spring..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("io.runflow.internal..")
                .because("an adapter builds on core's public API only")
                .check(STARTER);
    }

    @Test
    void usesNoClassOfTheTestkit() {
        noClasses()
                .that()
                .resideInAPackage("io.runflow.spring..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("io.runflow.testkit.internal..", "io.runflow.testkit..")
                .check(STARTER);
    }

    @Test
    void touchesBoot4OnlyFromItsHealthIndicator() {
        noClasses()
                .that()
                .resideInAPackage("io.runflow.spring..")
                .and()
                .doNotHaveSimpleName("Boot4HealthIndicator")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.springframework.boot.health..")
                .because("the jar is compiled against Boot 3.5; Boot 4's moved types sit behind a class condition")
                .check(STARTER);
    }
}
