package io.runflow.internal.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import io.runflow.errors.RunflowDecodingException;
import io.runflow.model.CallbackDelivery;
import io.runflow.model.Page;
import io.runflow.model.Run;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reading one response body into one value, and every way it says it could not. */
class BodyReaderTest {

    private static final BodyReader RUN = BodyReader.of(RunflowJson.mapper(), Run.class);

    private static byte[] bytes(String text) {
        return text.replace('\'', '"').getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void readsTheValueWithTheHeaderRequestId() {
        Run run = (Run) RUN.read("GET /v1/runs/r1", 200, bytes("{'id':'r1','status_code':'queued'}"), "req-1");
        assertThat(run.id()).isEqualTo("r1");
        assertThat(run.requestId()).isEqualTo("req-1");
    }

    @Test
    void anEmptyBodyNamesTheEndpointStatusAndExpectedType() {
        assertThatThrownBy(() -> RUN.read("GET /v1/runs/r1", 204, new byte[0], null))
                .isExactlyInstanceOf(RunflowDecodingException.class)
                .hasMessage("GET /v1/runs/r1: empty response body (HTTP 204), expected Run");
        assertThatThrownBy(() -> RUN.read("GET /v1/runs/r1", 200, null, null))
                .hasMessage("GET /v1/runs/r1: empty response body (HTTP 200), expected Run");
    }

    @Test
    void aJsonNullIsNoValue() {
        assertThatThrownBy(() -> RUN.read("GET /v1/runs/r1", 200, bytes("null"), null))
                .isExactlyInstanceOf(RunflowDecodingException.class)
                .hasMessage("GET /v1/runs/r1: response body was null, expected Run");
    }

    @Test
    void aRecordItCannotReadKeepsTheReadersMessage() {
        assertThatThrownBy(() -> RUN.read("GET /v1/runs/r1", 200, bytes("{'status_code':'queued'}"), null))
                .isExactlyInstanceOf(RunflowDecodingException.class)
                .hasMessage("GET /v1/runs/r1: cannot read Run: run has no \"id\"");
    }

    @Test
    void brokenJsonSaysWhatWasExpected() {
        assertThatThrownBy(() -> RUN.read("GET /v1/runs/r1", 200, bytes("{'id':"), null))
                .isExactlyInstanceOf(RunflowDecodingException.class)
                .hasMessageStartingWith("GET /v1/runs/r1: cannot read Run: ");
    }

    @Test
    void twoValuesRunTogetherAreNotTheShape() {
        assertThatThrownBy(() -> RUN.read("GET /v1/runs/r1", 200, bytes("{'id':'r1'}{'id':'r2'}"), null))
                .isExactlyInstanceOf(RunflowDecodingException.class)
                .hasMessageStartingWith("GET /v1/runs/r1: cannot read Run: ");
    }

    @Test
    void aNullInATopLevelListIsRejected() {
        BodyReader deliveries =
                BodyReader.of(RunflowJson.mapper(), new TypeReference<List<CallbackDelivery>>() {}.getType());
        assertThatThrownBy(() -> deliveries.read("GET /v1/runs/r1/callback", 200, bytes("[null]"), null))
                .isExactlyInstanceOf(RunflowDecodingException.class)
                .hasMessage("GET /v1/runs/r1/callback: cannot read List<CallbackDelivery>: an element is null");
        assertThat((List<?>) deliveries.read("GET /v1/runs/r1/callback", 200, bytes("[]"), null))
                .isEmpty();
    }

    @Test
    void namesParameterizedTypes() {
        assertThat(BodyReader.name(new TypeReference<Page<Run>>() {}.getType())).isEqualTo("Page<Run>");
        assertThat(BodyReader.name(new TypeReference<Map<String, List<Run>>>() {}.getType()))
                .isEqualTo("Map<String, List<Run>>");
        assertThat(BodyReader.name(Run.class)).isEqualTo("Run");
        assertThat(BodyReader.of(RunflowJson.mapper(), Run.class).toString()).isEqualTo("BodyReader[Run]");
    }

    @Test
    void needsAMapperAndAType() {
        assertThatThrownBy(() -> BodyReader.of(null, Run.class)).hasMessage("mapper");
        assertThatThrownBy(() -> BodyReader.of(RunflowJson.mapper(), null)).hasMessage("type");
    }
}
