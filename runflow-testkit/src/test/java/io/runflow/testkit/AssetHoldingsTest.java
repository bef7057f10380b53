package io.runflow.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.Test;

/** What the server tells of its asset uploads: the sessions it opened, the assets they became. */
class AssetHoldingsTest extends DeterministicServerTest {

    @Test
    void aSessionCountsAtOnceAndItsAssetOnceConfirmed() throws Exception {
        assertThat(server.uploadSessions()).isZero();

        JsonNode session = http.post(
                        "/v1/asset-uploads", "{\"filename\":\"a.jpg\",\"mime_type\":\"image/jpeg\",\"size_bytes\":3}")
                .json();
        String id = session.get("asset_id").asText();

        assertThat(server.uploadSessions()).isEqualTo(1);
        assertThat(server.assetIds()).isEmpty();

        HttpRequest put = HttpRequest.newBuilder(
                        URI.create(session.get("upload_url").asText()))
                .header("Content-Type", "image/jpeg")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(new byte[] {1, 2, 3}))
                .build();
        assertThat(http.sendRaw(put).status()).isEqualTo(200);
        assertThat(server.assetIds()).isEmpty();

        assertThat(http.post("/v1/asset-uploads/" + id + "/confirmations", "{}").status())
                .isEqualTo(201);
        assertThat(server.assetIds()).containsExactly(id);
        assertThat(server.uploadSessions()).isEqualTo(1);

        server.reset();
        assertThat(server.assetIds()).isEmpty();
        assertThat(server.uploadSessions()).isZero();
    }
}
