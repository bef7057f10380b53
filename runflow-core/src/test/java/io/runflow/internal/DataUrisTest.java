package io.runflow.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DataUrisTest {

    @Test
    void decodesBase64() {
        assertThat(DataUris.decode("data:image/png;base64,AAEC")).containsExactly(0, 1, 2);
    }

    @Test
    void decodesPercentEncodedText() {
        assertThat(new String(DataUris.decode("data:,a%20b"), StandardCharsets.UTF_8))
                .isEqualTo("a b");
    }

    @Test
    void readsTheMediaTypeWithoutParameters() {
        assertThat(DataUris.mediaType("data:Image/PNG;name=x;base64,AA")).isEqualTo("image/png");
        assertThat(DataUris.mediaType("data:;base64,AA")).isNull();
        assertThat(DataUris.mediaType("https://cdn.example/a.png")).isNull();
    }

    @Test
    void tellsADataUriByItsScheme() {
        assertThat(DataUris.isDataUri("DATA:,x")).isTrue();
        assertThat(DataUris.isDataUri("https://x/data:")).isFalse();
        assertThat(DataUris.isDataUri(null)).isFalse();
    }

    @Test
    void namesTheFileByTheMediaType() {
        assertThat(DataUris.fileName("image/jpeg")).isEqualTo("output.jpg");
        assertThat(DataUris.fileName("image/png")).isEqualTo("output.png");
        assertThat(DataUris.fileName("audio/mpeg")).isEqualTo("output.mp3");
        assertThat(DataUris.fileName("image/svg+xml")).isEqualTo("output.svg");
        assertThat(DataUris.fileName(null)).isEqualTo("output.bin");
    }

    @Test
    void rejectsMalformedUrisWithoutQuotingTheirData() {
        assertThatThrownBy(() -> DataUris.decode("data:image/png;base64"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("data: URI has no ',' before its data");
        assertThatThrownBy(() -> DataUris.decode("data:image/png;base64,secret!!"))
                .hasMessage("data: URI is not valid base64");
        assertThatThrownBy(() -> DataUris.decode("data:,%zz")).hasMessage("data: URI has an invalid percent escape");
    }
}
