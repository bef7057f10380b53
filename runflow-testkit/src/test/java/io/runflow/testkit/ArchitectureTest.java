package io.runflow.testkit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The testkit uses core through its public API only (as users' tests do), and keeps its HTTP
 * plumbing apart from the Runflow domain.
 */
class ArchitectureTest {

    private static final JavaClasses TESTKIT = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.runflow.testkit");

    @Test
    void usesNoInternalClassOfCore() {
        noClasses()
                .that()
                .resideInAPackage("io.runflow.testkit..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("io.runflow.internal..")
                .because("the fake must behave like Runflow, not like the SDK's own JSON mapping")
                .check(TESTKIT);
    }

    @Test
    void keepsTheHttpPlumbingFreeOfTheRunflowDomain() {
        noClasses()
                .that()
                .resideInAPackage("io.runflow.testkit.internal.http..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("io.runflow.testkit.internal.fake..")
                .check(TESTKIT);
    }

    @Test
    void scriptsTheFakeOverHttpOnlyThroughItsPublicMethods() {
        noClasses()
                .that()
                .resideInAPackage("io.runflow.testkit.internal.control..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("io.runflow.testkit.internal.fake..")
                .because("the control API must stay in step with FakeRunflowServer's scripting methods")
                .check(TESTKIT);
    }

    @Test
    void keepsThePublicPackagesOffTheDomainInternals() {
        noClasses()
                .that()
                .resideInAnyPackage(
                        "io.runflow.testkit.junit..", "io.runflow.testkit.assertj..", "io.runflow.testkit.spring..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("io.runflow.testkit.internal..")
                .check(TESTKIT);
    }

    @Test
    void keepsTheSpringIntegrationOffTheAdapters() {
        noClasses()
                .that()
                .resideInAPackage("io.runflow.testkit.spring..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("io.runflow.spring..", "org.springframework.boot..")
                .because("@EnableRunflowFake works with spring-test alone and references no adapter class")
                .check(TESTKIT);
    }
}
