package io.runflow.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class EndpointTest {

    @Test
    void everyPostAndOnlyAPostCarriesAnIdempotencyKey() {
        assertThat(Endpoint.values())
                .allSatisfy(endpoint -> assertThat(endpoint.carriesIdempotencyKey())
                        .as(endpoint.label())
                        .isEqualTo(endpoint.method().equals("POST")));
    }

    @Test
    void onlyCreatesAndTheCancellationAreSafeToReplayAmongThePosts() {
        assertThat(Arrays.stream(Endpoint.values())
                        .filter(endpoint -> endpoint.method().equals("POST"))
                        .filter(Endpoint::replaySafe))
                .containsExactlyInAnyOrder(Endpoint.CREATE_RUN, Endpoint.CREATE_BATCH, Endpoint.CANCEL_RUN);
    }

    @Test
    void everyReadAndUpdateIsSafeToReplay() {
        assertThat(Arrays.stream(Endpoint.values())
                        .filter(endpoint -> !endpoint.method().equals("POST")))
                .allMatch(Endpoint::replaySafe);
    }

    @Test
    void theLabelIsTheMethodAndTheTemplate() {
        assertThat(Endpoint.GET_BATCH_ITEM.label()).isEqualTo("GET /v1/batches/{batch}/items/{id}");
    }

    @Test
    void noTwoEndpointsShareAMethodAndTemplate() {
        assertThat(Arrays.stream(Endpoint.values()).map(Endpoint::label)).doesNotHaveDuplicates();
    }

    @Test
    void findsAnEndpointByMethodAndTemplateOnly() {
        assertThat(Endpoint.find("PATCH", "/v1/billing/balance")).contains(Endpoint.UPDATE_BALANCE);
        assertThat(Endpoint.find("GET", "/v1/runs/{id}")).contains(Endpoint.GET_RUN);
        assertThat(Endpoint.find("GET", "/v1/runs/r-1")).isEmpty();
        assertThat(Endpoint.find("DELETE", "/v1/runs/{id}")).isEmpty();
    }

    @Test
    void aCallersKeyIsKept() {
        assertThat(Endpoint.CREATE_RUN.idempotencyKey("order-1")).isEqualTo("order-1");
    }

    @Test
    void withoutACallersKeyEachCallGetsANewRandomOne() {
        String first = Endpoint.CREATE_BATCH.idempotencyKey(null);
        String second = Endpoint.REDELIVER_CALLBACK.newIdempotencyKey();

        assertThat(first).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        assertThat(second).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void anEndpointWithoutAKeyRefusesToMakeOne() {
        assertThatThrownBy(Endpoint.GET_RUN::newIdempotencyKey)
                .isExactlyInstanceOf(IllegalStateException.class)
                .hasMessage("GET /v1/runs/{id} carries no Idempotency-Key");
    }
}
