package io.runflow.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.junit.jupiter.api.Test;

class CallbackSecretTest {

    private static CallbackSecret secret(String plain) {
        return new CallbackSecret("cs_1", "org_1", "whsec_ab", true, "prod", plain, null, null, null, null, null);
    }

    @Test
    void requiresAnId() {
        assertThatThrownBy(() -> new CallbackSecret(null, null, null, false, null, null, null, null, null, null, null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("id");
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
        assertThat(secret(null).raw().isMissingNode()).isTrue();
        var raw = JsonNodeFactory.instance.objectNode().put("id", "cs_1");
        assertThat(new CallbackSecret("cs_1", null, null, false, null, null, null, null, null, null, raw).raw())
                .isEqualTo(raw);
    }
}
