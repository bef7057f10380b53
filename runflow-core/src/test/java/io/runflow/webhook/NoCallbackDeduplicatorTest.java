package io.runflow.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NoCallbackDeduplicatorTest {

    @Test
    void takesEveryDeliveryForTheFirst() {
        CallbackDeduplicator none = CallbackDeduplicator.none();
        RunCallback callback = SignedCallbacks.run("run-1", "run.completed");

        assertThat(none.firstDelivery(callback)).isTrue();
        assertThat(none.firstDelivery(callback)).isTrue();
        none.release(callback);
        assertThat(none.firstDelivery(callback)).isTrue();
        assertThat(none).hasToString("CallbackDeduplicator.none()");
    }
}
