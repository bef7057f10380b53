package io.runflow.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class AssetTest {

    private static Asset asset(JsonValue raw) {
        return Asset.builder()
                .id("ast_1")
                .orgId("org_1")
                .name("cat.png")
                .url("https://cdn/x")
                .mimeType("image/png")
                .sizeBytes(42L)
                .assetType("image")
                .raw(raw)
                .build();
    }

    @Test
    void requiresAnId() {
        assertThatThrownBy(() -> Asset.builder().build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("id is required");
    }

    @Test
    void refIsTheRunflowAssetsUri() {
        assertThat(asset(null).ref()).isEqualTo("runflow://assets/ast_1");
    }

    @Test
    void rawIsMissingWhenAbsentAndACopyWhenGiven() {
        assertThat(asset(null).raw().isNull()).isTrue();
        JsonValue raw = JsonValue.object(Map.of("id", "ast_1"));
        Asset asset = asset(raw);
        assertThat(asset.raw()).isEqualTo(JsonValue.object(Map.of("id", "ast_1")));
    }

    @Test
    void toStringShowsNoUrl() {
        assertThat(asset(null).toString()).isEqualTo("Asset[id=ast_1, name=cat.png, mimeType=image/png, sizeBytes=42]");
    }

    @Test
    void anUploadNeedsAnIdAndAUrlAndHidesTheUrl() {
        assertThatThrownBy(() -> new AssetUpload(null, "https://up"))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("assetUploadId");
        assertThatThrownBy(() -> new AssetUpload("up_1", null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("uploadUrl");
        assertThat(new AssetUpload("up_1", "https://up?sig=secret").toString())
                .isEqualTo("AssetUpload[assetUploadId=up_1]");
    }
}
