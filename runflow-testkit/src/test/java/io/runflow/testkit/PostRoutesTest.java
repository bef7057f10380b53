package io.runflow.testkit;

import static io.runflow.testkit.Http.FLUX_RUNS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Idempotency-Key and faults on every POST route, over real HTTP: what the fake applied is read back
 * from its public accessors (runs, callback secrets, a run's deliveries).
 */
class PostRoutesTest extends DeterministicServerTest {

    static final String CONFLICT = "{\"code\":\"CONFLICT\",\"message\":\"Idempotency-Key was already used with a"
            + " different request body\",\"errors\":null}";

    /** The POST routes, each with a body, another body, and a way to count what it applied. */
    enum Route {
        CREATE_RUN("{\"input\":{\"prompt\":\"x\"}}", "{\"input\":{\"prompt\":\"y\"}}"),
        CREATE_CALLBACK_SECRET("{\"label\":\"one\"}", "{\"label\":\"two\"}"),
        REDELIVER_CALLBACK("", "{\"note\":\"other\"}"),
        CANCEL_RUN("{\"reason\":\"not needed\"}", "{\"reason\":\"another reason\"}");

        final String body;
        final String otherBody;

        Route(String body, String otherBody) {
            this.body = body;
            this.otherBody = otherBody;
        }
    }

    final Receiver receiver = new Receiver();
    String runId;

    @AfterEach
    void closeReceiver() {
        receiver.close();
    }

    /** The route's path; creates the run it needs (terminal with a callback, or still queued) once. */
    String path(Route route) {
        switch (route) {
            case CREATE_RUN:
                return FLUX_RUNS;
            case CREATE_CALLBACK_SECRET:
                return "/v1/callback-secrets";
            case REDELIVER_CALLBACK:
                if (runId == null) {
                    runId = http.createFlux(",\"callback_url\":\"" + receiver.url() + "\"");
                    server.advance(Duration.ofSeconds(1));
                }
                return "/v1/runs/" + runId + "/callback-redeliveries";
            default:
                if (runId == null) {
                    runId = http.createFlux("");
                }
                return "/v1/admin/runs/" + runId + "/cancellation";
        }
    }

    /** How many times the fake applied the route's request, read from its public accessors. */
    long applied(Route route) {
        switch (route) {
            case CREATE_RUN:
                return server.runs().size();
            case CREATE_CALLBACK_SECRET:
                return server.callbackSecrets().size() - 1; // the secret the server started with
            case REDELIVER_CALLBACK:
                return server.deliveries(runId).stream()
                        .filter(d -> !d.automatic())
                        .count();
            default:
                return server.run(runId).orElseThrow().status().equals("canceled") ? 1 : 0;
        }
    }

    Http.Answer post(Route route, String body, String key) {
        String path = path(route);
        return key == null ? http.post(path, body) : http.post(path, body, "Idempotency-Key", key);
    }

    HttpRequest request(Route route, String key) {
        return http.builder(path(route))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(route.body))
                .build();
    }

    @ParameterizedTest
    @EnumSource(Route.class)
    void sameKeyAndSameBodyReplaysTheFirstAnswerAndAppliesOnce(Route route) {
        Http.Answer first = post(route, route.body, "k-1");

        Http.Answer again = post(route, route.body, "k-1");

        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.text()).isEqualTo(first.text());
        assertThat(again.header("Content-Type")).isEqualTo("application/json");
        assertThat(applied(route)).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(Route.class)
    void sameKeyWithAnotherBodyIsConflictAndAppliesNothingMore(Route route) {
        post(route, route.body, "k-1");

        Http.Answer other = post(route, route.otherBody, "k-1");

        assertThat(other.status()).isEqualTo(409);
        assertThat(other.text()).isEqualTo(CONFLICT);
        assertThat(applied(route)).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(
            value = Route.class,
            names = {"CREATE_RUN", "CREATE_CALLBACK_SECRET", "REDELIVER_CALLBACK"})
    void withoutAKeyEveryRequestIsApplied(Route route) {
        post(route, route.body, null);
        post(route, route.body, null);

        assertThat(applied(route)).isEqualTo(2);
    }

    @Test
    void withoutAKeyASecondCancellationFindsTheRunAlreadyCanceled() {
        assertThat(post(Route.CANCEL_RUN, Route.CANCEL_RUN.body, null).status()).isEqualTo(201);

        Http.Answer second = post(Route.CANCEL_RUN, Route.CANCEL_RUN.body, null);

        assertThat(second.status()).isEqualTo(200);
    }

    @Test
    void sameKeyOnAnotherRouteIsAnotherKey() {
        post(Route.CREATE_CALLBACK_SECRET, Route.CREATE_CALLBACK_SECRET.body, "shared");

        Http.Answer create = post(Route.CREATE_RUN, Route.CREATE_RUN.body, "shared");

        assertThat(create.status()).isEqualTo(201);
        assertThat(applied(Route.CREATE_RUN)).isEqualTo(1);
    }

    @Test
    void sameKeyForAnotherRunsRedeliveryIsConflict() {
        post(Route.REDELIVER_CALLBACK, "", "k-1");
        String other = http.createFlux(",\"callback_url\":\"" + receiver.url() + "\"");
        server.advance(Duration.ofSeconds(1));

        Http.Answer answer = http.post("/v1/runs/" + other + "/callback-redeliveries", "", "Idempotency-Key", "k-1");

        assertThat(answer.status()).isEqualTo(409);
        assertThat(server.deliveries(other)).hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(
            value = Route.class,
            names = {"CREATE_RUN", "CREATE_CALLBACK_SECRET", "CANCEL_RUN"})
    void anErrorAnswerIsNotKeptSoARetryWithTheSameKeyIsApplied(Route route) {
        String invalid = route == Route.CREATE_RUN
                ? "{\"input\":{}}"
                : route == Route.CREATE_CALLBACK_SECRET
                        ? "{\"label\":\"" + "x".repeat(300) + "\"}"
                        : "{\"reason\":\"x\"}";
        assertThat(post(route, invalid, "k-1").status()).isEqualTo(422);

        Http.Answer retry = post(route, route.body, "k-1");

        assertThat(retry.status()).isEqualTo(201);
        assertThat(applied(route)).isEqualTo(1);
    }

    @Test
    void aRedeliveryRefusedWhileTheRunRunsIsAppliedWhenTheSameRequestComesAgainLater() {
        runId = http.createFlux(",\"callback_url\":\"" + receiver.url() + "\"");
        String path = "/v1/runs/" + runId + "/callback-redeliveries";
        assertThat(http.post(path, "", "Idempotency-Key", "k-1").status()).isEqualTo(422);
        server.advance(Duration.ofSeconds(1));

        Http.Answer retry = http.post(path, "", "Idempotency-Key", "k-1");

        assertThat(retry.status()).isEqualTo(201);
        assertThat(applied(Route.REDELIVER_CALLBACK)).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(Route.class)
    void acceptThenDropAppliesTheRequestAndARetryWithTheSameKeyGetsTheFirstAnswer(Route route) throws Exception {
        HttpRequest request = request(route, "k-1");
        server.inject(Fault.acceptThenDrop().onPath(path(route)));

        assertThatThrownBy(() -> http.sendRaw(request)).isInstanceOf(IOException.class);
        assertThat(applied(route)).isEqualTo(1);
        Http.Answer retry = http.sendRaw(request);

        assertThat(retry.status()).isEqualTo(201);
        assertThat(applied(route)).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(Route.class)
    void connectionResetAppliesNothing(Route route) {
        HttpRequest request = request(route, "k-1");
        server.inject(Fault.connectionReset().onPath(path(route)));

        assertThatThrownBy(() -> http.sendRaw(request)).isInstanceOf(IOException.class);

        assertThat(applied(route)).isZero();
    }

    @ParameterizedTest
    @EnumSource(Route.class)
    void unavailableAppliesNothingAndARetryWithTheSameKeyIsApplied(Route route) throws Exception {
        HttpRequest request = request(route, "k-1");
        server.inject(Fault.unavailable().onPath(path(route)));

        assertThat(http.sendRaw(request).status()).isEqualTo(503);
        assertThat(applied(route)).isZero();
        Http.Answer retry = http.sendRaw(request);

        assertThat(retry.status()).isEqualTo(201);
        assertThat(applied(route)).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(Route.class)
    void status503AppliesNothing(Route route) throws Exception {
        HttpRequest request = request(route, "k-1");
        server.inject(Fault.status(503).onPath(path(route)));

        assertThat(http.sendRaw(request).status()).isEqualTo(503);

        assertThat(applied(route)).isZero();
    }

    @ParameterizedTest
    @EnumSource(Route.class)
    void delayAppliesTheRequestAfterTheWaitAsASlowServerWould(Route route) throws Exception {
        HttpRequest request = request(route, "k-1");
        server.inject(Fault.delay(Duration.ofMillis(20)).onPath(path(route)));

        Http.Answer answer = http.sendRaw(request);

        assertThat(answer.status()).isEqualTo(201);
        assertThat(applied(route)).isEqualTo(1);
    }
}
