package io.runflow.feign;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.runflow.internal.Endpoint;
import io.runflow.internal.Lazy;
import io.runflow.internal.LazyHttpClient;
import io.runflow.internal.ModelIds;
import io.runflow.internal.Redaction;
import io.runflow.internal.json.AccountWire;
import io.runflow.internal.json.ApiErrors;
import io.runflow.internal.json.AssetWire;
import io.runflow.internal.json.BodyReader;
import io.runflow.internal.json.CallbackSecretWire;
import io.runflow.internal.json.RunWire;
import io.runflow.internal.json.RunflowJson;
import org.junit.jupiter.api.Test;

/** The transport may use core's internal layer only through the classes a transport needs. */
class ArchitectureTest {

    private static final JavaClasses FEIGN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.runflow.feign");

    @Test
    void usesOnlyTheInternalClassesATransportNeeds() {
        noClasses()
                .that()
                .resideInAPackage("io.runflow.feign..")
                .should()
                .dependOnClassesThat(resideInAPackage("io.runflow.internal..")
                        .and(not(belongToAnyOf(
                                RunflowJson.class,
                                BodyReader.class,
                                RunWire.class,
                                AssetWire.class,
                                AccountWire.class,
                                CallbackSecretWire.class,
                                ApiErrors.class,
                                ModelIds.class,
                                Endpoint.class,
                                Lazy.class,
                                LazyHttpClient.class,
                                Redaction.class))))
                .because(
                        "a transport maps JSON (the wire classes write the bodies), errors and ids, reads the endpoint declarations, masks secrets and builds its JDK client"
                                + " lazily through core; nothing else of core's internal layer is its business")
                .check(FEIGN);
    }

    @Test
    void neverMakesAnIdempotencyKey() {
        noClasses()
                .that()
                .resideInAPackage("io.runflow.feign..")
                .should()
                .callMethod(Endpoint.class, "idempotencyKey", String.class)
                .orShould()
                .callMethod(Endpoint.class, "newIdempotencyKey")
                .orShould()
                .callMethod(java.util.UUID.class, "randomUUID")
                .because("core decides one key per logical call and the transport sends it on every attempt")
                .check(FEIGN);
    }

    @Test
    void neverReachesIntoTheTestkit() {
        noClasses()
                .that()
                .resideInAPackage("io.runflow.feign..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("io.runflow.testkit..")
                .check(FEIGN);
    }
}
