package io.runflow.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Without {@code controlApi(true)} the control paths are unknown paths of the API. */
class ControlApiDisabledTest {

    @Test
    void isOffByDefaultAndItsPathsAre404LikeAnyUnknownPath() {
        try (FakeRunflowServer server =
                FakeRunflowServer.builder().deterministic().build()) {
            Http http = new Http(server);
            http.createFlux("");

            Http.Answer reset = http.withKey(null).post("/__fake/v1/reset", "");

            assertThat(reset.status()).isEqualTo(404);
            assertThat(reset.text())
                    .isEqualTo("{\"code\":\"NOT_FOUND\",\"message\":\"no such endpoint: POST /__fake/v1/reset\","
                            + "\"errors\":null}");
            assertThat(server.runs()).hasSize(1);
            assertThat(server.requests()).extracting(RecordedRequest::path).endsWith("/__fake/v1/reset");
        }
    }

    @Test
    void canBeTurnedOffAgain() {
        try (FakeRunflowServer server =
                FakeRunflowServer.builder().controlApi(true).controlApi(false).build()) {
            assertThat(new Http(server).get("/__fake/v1/runs").status()).isEqualTo(404);
        }
    }
}
