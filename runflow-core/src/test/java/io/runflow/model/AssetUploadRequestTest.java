package io.runflow.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AssetUploadRequestTest {

    @Test
    void acceptsTheBoundsOfEveryField() {
        assertThat(new AssetUploadRequest("a", "i", 1).sizeBytes()).isEqualTo(1);
        AssetUploadRequest largest =
                new AssetUploadRequest("f".repeat(500), "m".repeat(255), AssetUploadRequest.MAX_SIZE_BYTES);
        assertThat(largest.sizeBytes()).isEqualTo(50L * 1024 * 1024);
    }

    @Test
    void rejectsABlankOrOverlongFilename() {
        assertThatThrownBy(() -> new AssetUploadRequest(" ", "image/png", 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("filename must be 1 to 500 characters, got 1");
        assertThatThrownBy(() -> new AssetUploadRequest("f".repeat(501), "image/png", 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("filename must be 1 to 500 characters, got 501");
    }

    @Test
    void rejectsABlankOrOverlongMimeType() {
        assertThatThrownBy(() -> new AssetUploadRequest("a.png", "", 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("mimeType must be 1 to 255 characters, got 0");
        assertThatThrownBy(() -> new AssetUploadRequest("a.png", "m".repeat(256), 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("mimeType must be 1 to 255 characters, got 256");
    }

    @Test
    void rejectsAnEmptyUpload() {
        assertThatThrownBy(() -> new AssetUploadRequest("a.png", "image/png", 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("an upload must have at least 1 byte, got 0");
    }

    @Test
    void rejectsAnUploadOverFiftyMebibytes() {
        assertThatThrownBy(() -> new AssetUploadRequest("a.png", "image/png", AssetUploadRequest.MAX_SIZE_BYTES + 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("an upload may have at most 50 MiB (52428800 bytes), got 52428801;"
                        + " host larger files yourself and pass their URL");
    }
}
