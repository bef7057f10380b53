package io.runflow.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.runflow.model.Batch;
import io.runflow.model.Page;
import io.runflow.model.Run;
import io.runflow.model.RunRequest;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.aot.hint.TypeReference;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.core.io.support.SpringFactoriesLoader;

/** The starter's runtime hints, checked with Spring's own predicates: what AOT would hand GraalVM. */
class RunflowRuntimeHintsTest {

    private final RuntimeHints hints = new RuntimeHints();

    RunflowRuntimeHintsTest() {
        new RunflowRuntimeHints().registerHints(hints, getClass().getClassLoader());
    }

    @Test
    void everyJacksonBoundRecordOfCoresMetadataIsReflected() throws Exception {
        List<Class<?>> bound = new ArrayList<>();
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(RunflowRuntimeHints.CORE_METADATA)) {
            for (JsonNode entry : new ObjectMapper().readTree(in)) {
                if (entry.path("allDeclaredConstructors").asBoolean()) {
                    bound.add(Class.forName(entry.path("name").asText()));
                }
            }
        }
        assertThat(bound).contains(Run.class, RunRequest.class, Batch.class, Page.class);
        for (Class<?> type : bound) {
            assertThat(RuntimeHintsPredicates.reflection()
                            .onType(type)
                            .withMemberCategories(MemberCategory.INVOKE_DECLARED_CONSTRUCTORS))
                    .as(type.getName())
                    .accepts(hints);
        }
    }

    @Test
    void theTransportServiceFileAndItsEntryAreKept() {
        assertThat(RuntimeHintsPredicates.resource().forResource(RunflowRuntimeHints.TRANSPORT_SERVICES))
                .accepts(hints);
        assertThat(RuntimeHintsPredicates.reflection()
                        .onType(TypeReference.of(io.runflow.feign.FeignRunflowTransport.class))
                        .withMemberCategories(MemberCategory.INVOKE_PUBLIC_CONSTRUCTORS))
                .accepts(hints);
    }

    @Test
    void theVersionResourceAndTheFailureAnalyzerAreKept() {
        assertThat(RuntimeHintsPredicates.resource().forResource("io/runflow/internal/version.properties"))
                .accepts(hints);
        assertThat(RuntimeHintsPredicates.reflection()
                        .onType(RunflowFailureAnalyzer.class)
                        .withMemberCategories(MemberCategory.INVOKE_DECLARED_CONSTRUCTORS))
                .accepts(hints);
    }

    @Test
    void theRegistrarIsListedInAotFactories() {
        assertThat(SpringFactoriesLoader.forResourceLocation("META-INF/spring/aot.factories")
                        .load(RuntimeHintsRegistrar.class))
                .anyMatch(RunflowRuntimeHints.class::isInstance);
    }
}
