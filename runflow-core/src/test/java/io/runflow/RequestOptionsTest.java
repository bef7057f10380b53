package io.runflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RequestOptionsTest {

    @Test
    void refusesHeadersTheSdkSets() {
        assertThatThrownBy(() -> RequestOptions.builder().header("authorization", "Bearer x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("authorization is set by the SDK and cannot be set per call");
        assertThatThrownBy(() -> RequestOptions.builder().header("Idempotency-Key", "k"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Idempotency-Key is set by the SDK and cannot be set per call: use idempotencyKey(..)");
        assertThatThrownBy(() -> RequestOptions.builder().header("User-Agent", "me"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RequestOptions.builder().header("X-Organization-Id", "org"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesInvalidHeaderNamesAndValuesWithoutQuotingTheValue() {
        assertThatThrownBy(() -> RequestOptions.builder().header("X Trace", "t"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("header name must be an HTTP token, got: X Trace");
        assertThatThrownBy(() -> RequestOptions.builder().header("X-Trace", "secret\r\nX: y"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the value of header X-Trace must be printable ASCII without line breaks");
    }

    @Test
    void laterHeaderOfTheSameNameReplacesTheEarlierInAnyCase() {
        RequestOptions options = RequestOptions.builder()
                .header("X-Trace", "a")
                .header("x-trace", "b")
                .build();

        assertThat(options.headers()).containsExactly(java.util.Map.entry("X-Trace", "b"));
    }

    @Test
    void maxRetriesAcceptsZeroAndRefusesNegative() {
        assertThat(RequestOptions.builder().maxRetries(0).build().maxRetries()).hasValue(0);
        assertThatThrownBy(() -> RequestOptions.builder().maxRetries(-1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxRetries must not be negative, got -1");
    }

    @Test
    void timeoutMustBePositive() {
        assertThatThrownBy(() -> RequestOptions.builder().timeout(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("timeout must be positive, got PT0S");
    }

    @Test
    void withKeepsEarlierSettingsAndTakesLaterOnes() {
        RequestOptions first = RequestOptions.builder()
                .timeout(Duration.ofSeconds(1))
                .maxRetries(2)
                .header("X-A", "a")
                .build();
        RequestOptions merged = first.with(
                RequestOptions.builder().maxRetries(0).header("X-B", "b").build());

        assertThat(merged.timeout()).contains(Duration.ofSeconds(1));
        assertThat(merged.maxRetries()).hasValue(0);
        assertThat(merged.headers()).containsOnlyKeys("X-A", "X-B");
        assertThat(merged.idempotencyKey()).isEmpty();
    }

    @Test
    void toStringShowsHeaderNamesButNoValuesOrKey() {
        RequestOptions options = RequestOptions.builder()
                .header("X-Token", "secret-value")
                .idempotencyKey("key-1")
                .build();

        assertThat(options.toString()).doesNotContain("secret-value", "key-1").contains("X-Token");
    }

    @Test
    void aClientViewWhoseTransportHasNoPerCallOptionsFailsAtOnce() {
        RunflowClient client = RunflowClient.builder()
                .apiKey("rf_test_key")
                .transport(options -> new RunflowApiStub())
                .build();

        assertThatThrownBy(() -> client.withOptions(o -> o.maxRetries(0)))
                .isInstanceOf(UnsupportedOperationException.class);
        client.close();
    }

    /** A port with no per-call options, as a third-party transport written before them. */
    private static final class RunflowApiStub extends DelegatingApi {
        RunflowApiStub() {
            super(null);
        }

        @Override
        public void close() {}
    }
}
