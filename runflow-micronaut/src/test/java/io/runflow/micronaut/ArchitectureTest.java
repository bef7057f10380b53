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

    /**
     * Native images: Micronaut compiles its bean definitions ahead of time, so the module needs no
     * reflection metadata as long as it reflects on nothing itself (and it binds no body type: the
     * webhook controller takes raw bytes, so no {@code @Introspected} or {@code @Serdeable} either).
     */
    @Test
    void usesNoReflection() {
        noClasses()
                .that()
                .resideInAPackage("io.runflow.micronaut..")
                // Micronaut's generated definitions ($Foo$Definition...) are its own business.
                .and()
                .haveNameNotMatching("io\\.runflow\\.micronaut\\.\\$.*")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("java.lang.reflect..")
                .orShould()
                .callMethod(Class.class, "forName", String.class)
                .orShould()
                .callMethod(Class.class, "getMethod", String.class, Class[].class)
                .orShould()
                .callMethod(Class.class, "getDeclaredMethod", String.class, Class[].class)
                .orShould()
                .callMethod(Class.class, "getDeclaredConstructor", Class[].class)
                .because("Micronaut's AOT bean definitions need no reflection metadata; reflection here would")
                .check(MICRONAUT);
    }
}
