package io.runflow;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import org.junit.jupiter.api.Test;

/**
 * Core's layers, enforced: no package cycles, a leaf {@code internal} package, a model that knows
 * only that leaf, and nothing outside the JDK and Jackson.
 */
class ArchitectureTest {

    private static final JavaClasses CORE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.runflow");

    /** Every package its own slice: {@code io.runflow}, {@code io.runflow.internal.json}, ... */
    private static final SliceAssignment PACKAGES = new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
            String name = javaClass.getPackageName();
            return name.startsWith("io.runflow") ? SliceIdentifier.of(name) : SliceIdentifier.ignore();
        }

        @Override
        public String getDescription() {
            return "core's packages";
        }
    };

    @Test
    void hasNoPackageCycles() {
        slices().assignedFrom(PACKAGES).should().beFreeOfCycles().check(CORE);
    }

    @Test
    void keepsTheInternalPackageALeaf() {
        classes()
                .that()
                .resideInAPackage("io.runflow.internal")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage("io.runflow.internal", "java..", "com.fasterxml.jackson..")
                .check(CORE);
    }

    @Test
    void letsTheModelKnowOnlyTheLeafHelpers() {
        classes()
                .that()
                .resideInAnyPackage("io.runflow.model", "io.runflow.catalog")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage(
                        "io.runflow.model",
                        "io.runflow.catalog",
                        "io.runflow.internal",
                        "java..",
                        "com.fasterxml.jackson..")
                .check(CORE);
    }

    @Test
    void dependsOnTheJdkAndJacksonOnly() {
        classes()
                .that()
                .resideInAPackage("io.runflow..")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage(
                        "io.runflow..", "java..", "javax.crypto..", "javax.sql..", "com.fasterxml.jackson..")
                .check(CORE);
    }
}
