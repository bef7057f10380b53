package io.runflow.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class AssetTest {

    private static Asset asset(ObjectNode raw) {
        return new Asset(
                "ast_1", "org_1", null, "cat.png", "https://cdn/x", null, "image/png", 42L, "image", null, null, raw);
    }

    @Test
    void requiresAnId() {
        assertThatThrownBy(() -> new Asset(null, null, null, null, null, null, null, null, null, null, null, null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("id");
    }

    @Test
    void refIsTheRunflowAssetsUri() {
        assertThat(asset(null).ref()).isEqualTo("runflow://assets/ast_1");
    }

    @Test
    void rawIsMissingWhenAbsentAndACopyWhenGiven() {
        assertThat(asset(null).raw().isMissingNode()).isTrue();
        ObjectNode raw = JsonNodeFactory.instance.objectNode().put("id", "ast_1");
        Asset asset = asset(raw);
        ((ObjectNode) asset.raw()).put("id", "changed");
        assertThat(asset.raw()).isEqualTo(JsonNodeFactory.instance.objectNode().put("id", "ast_1"));
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
