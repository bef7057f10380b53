package io.runflow.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CallbackSecretUpdateTest {

    @Test
    void promoteOnlySetsTheCurrentFlag() {
        CallbackSecretUpdate update = CallbackSecretUpdate.promote();
        assertThat(update.current()).isTrue();
        assertThat(update.label()).isNull();
    }

    @Test
    void relabelOnlySetsTheLabel() {
        CallbackSecretUpdate update = CallbackSecretUpdate.relabel("prod");
        assertThat(update.label()).isEqualTo("prod");
        assertThat(update.current()).isNull();
    }

    @Test
    void acceptsALabelOf255CharactersAndRejects256() {
        assertThat(CallbackSecretUpdate.relabel("l".repeat(255)).label()).hasSize(255);
        assertThatThrownBy(() -> CallbackSecretUpdate.relabel("l".repeat(256)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("label must be at most 255 characters, got 256");
    }

    @Test
    void rejectsAnUpdateThatChangesNothing() {
        assertThatThrownBy(() -> new CallbackSecretUpdate(null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("an update must change the label or the current flag");
    }

    @Test
    void acceptsAnUpdateOfBothFields() {
        CallbackSecretUpdate update = new CallbackSecretUpdate("prod", Boolean.FALSE);
        assertThat(update.label()).isEqualTo("prod");
        assertThat(update.current()).isFalse();
    }
}
