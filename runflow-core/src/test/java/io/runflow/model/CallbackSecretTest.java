package io.runflow.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class CallbackSecretTest {

    private static CallbackSecret secret(String plain) {
        return CallbackSecret.builder()
                .id("cs_1")
                .orgId("org_1")
                .keyPrefix("whsec_ab")
                .current(true)
                .label("prod")
                .plainSecret(plain)
                .build();
    }

    @Test
    void requiresAnId() {
        assertThatThrownBy(() -> CallbackSecret.builder().current(false).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("id is required");
    }

    @Test
    void secretIsPresentOnlyWhenTheCreateCallReturnedIt() {
        assertThat(secret("whsec_abcdef"))
                .extracting(CallbackSecret::secret)
                .isEqualTo(java.util.Optional.of("whsec_abcdef"));
        assertThat(secret(null).secret()).isEmpty();
    }

    @Test
    void toStringMasksTheSecret() {
        assertThat(secret("whsec_abcdef").toString())
                .isEqualTo("CallbackSecret[id=cs_1, keyPrefix=whsec_ab, current=true, label=prod, plainSecret=***]");
        assertThat(secret(null).toString())
                .isEqualTo("CallbackSecret[id=cs_1, keyPrefix=whsec_ab, current=true, label=prod, plainSecret=null]");
    }

    @Test
    void absentRawIsMissing() {
        assertThat(secret(null).raw().isNull()).isTrue();
        var raw = JsonValue.object(Map.of("id", "cs_1"));
        assertThat(CallbackSecret.builder()
                        .id("cs_1")
                        .current(false)
                        .raw(raw)
                        .build()
                        .raw())
                .isEqualTo(raw);
    }
}
