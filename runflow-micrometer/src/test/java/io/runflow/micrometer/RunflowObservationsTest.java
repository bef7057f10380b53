package io.runflow.micrometer;

import static io.micrometer.observation.tck.TestObservationRegistryAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.common.KeyValues;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.runflow.RunflowClient;
import io.runflow.RunflowObserver;
import io.runflow.RunflowObserver.RunStart;
import io.runflow.catalog.FluxProUltra;
import io.runflow.model.Run;
import io.runflow.testkit.FakeRunflowServer;
import io.runflow.webhook.WebhookEndpoint;
import io.runflow.webhook.WebhookSigner;
import io.runflow.webhook.WebhookVerifier;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The three observations, against the fake on loopback, in server time (no sleeps). */
class RunflowObservationsTest {

    private static final String SECRET = "whsec_observations";
    private static final Predicate<Observation.ContextView> CHILD_OF_RUN =
            parent -> "runflow.run".equals(parent.getName());

    private final FakeRunflowServer server =
            FakeRunflowServer.builder().deterministic().build();
    private final TestObservationRegistry registry = TestObservationRegistry.create();
    private final List<String> events = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void observesARunFromItsCreateToTheEndAPollSawWithTheGenAiKeys() {
        recordEvents();
        Run run;
        try (RunflowClient runflow =
                client(RunflowObservations.builder().registry(registry).build())) {
            run = runflow.runs().run(FluxProUltra.input("a fox"));
        }

        assertThat(registry)
                .hasNumberOfObservationsWithNameEqualTo("runflow.run", 1)
                .hasObservationWithNameEqualTo("runflow.run")
                .that()
                .hasContextualNameEqualTo("generate_content black-forest-labs/flux-1-1-pro-ultra")
                .hasLowCardinalityKeyValue("gen_ai.operation.name", "generate_content")
                .hasLowCardinalityKeyValue("gen_ai.output.type", "image")
                .hasLowCardinalityKeyValue("gen_ai.provider.name", "runflow")
                .hasLowCardinalityKeyValue("gen_ai.request.model", "black-forest-labs/flux-1-1-pro-ultra")
                .hasLowCardinalityKeyValue("status", "succeeded")
                .hasLowCardinalityKeyValue("ended_by", "poll")
                .hasHighCardinalityKeyValue("gen_ai.response.id", run.id())
                .hasBeenStarted()
                .hasBeenStopped();
        assertThat(events).startsWith("runflow.run.status.queued").endsWith("runflow.run.status.succeeded");
        assertThat(registry).doesNotHaveAnyRemainingCurrentObservation();
    }

    @Test
    void observesEachHttpAttemptAsAChildOfItsRun() {
        try (RunflowClient runflow =
                client(RunflowObservations.builder().registry(registry).build())) {
            runflow.runs().run(FluxProUltra.input("a fox"));
        }

        assertThat(registry)
                .hasObservationWithNameEqualTo("runflow.client.request")
                .that()
                .hasContextualNameEqualTo("POST /v1/models/{model}/runs")
                .hasLowCardinalityKeyValue("method", "POST")
                .hasLowCardinalityKeyValue("uri", "/v1/models/{model}/runs")
                .hasLowCardinalityKeyValue("status", "201")
                .hasLowCardinalityKeyValue("outcome", "SUCCESS")
                .hasLowCardinalityKeyValue("error.type", "none")
                .hasLowCardinalityKeyValue("attempt", "1")
                .hasParentObservationContextMatching(CHILD_OF_RUN);
        assertThat(registry)
                .hasHandledContextsThatSatisfy(contexts -> assertThat(contexts)
                        .filteredOn(context -> context.getName().equals("runflow.client.request"))
                        .allSatisfy(context -> assertThat(CHILD_OF_RUN.test(
                                        context.getParentObservation().getContextView()))
                                .isTrue())
                        .extracting(context -> context.getLowCardinalityKeyValue("method")
                                        .getValue()
                                + " "
                                + context.getLowCardinalityKeyValue("uri").getValue())
                        .contains("POST /v1/models/{model}/runs", "GET /v1/runs/{id}"));
    }

    @Test
    void endsARunThatNobodyWaitsForAtItsVerifiedCallbackAndObservesTheWebhook() {
        RunflowObservations observations =
                RunflowObservations.builder().registry(registry).build();
        try (RunflowClient runflow = client(observations)) {
            Run created = runflow.runs().create(FluxProUltra.input("a fox"));
            WebhookEndpoint endpoint = WebhookEndpoint.builder()
                    .verifier(WebhookVerifier.builder().secret(SECRET).build())
                    .client(runflow)
                    .observer(observations)
                    .listener(callback -> events.add("listener in "
                            + registry.getCurrentObservation().getContext().getName()))
                    .build();
            byte[] body = ("{\"event\":\"run.completed\",\"run_id\":\"" + created.id() + "\",\"status\":\"succeeded\"}")
                    .getBytes(StandardCharsets.UTF_8);

            endpoint.handle(
                    body, Map.of("Runflow-Signature", WebhookSigner.of(SECRET).sign(body))::get);
        }

        assertThat(events).containsExactly("listener in runflow.webhook");
        assertThat(registry)
                .hasObservationWithNameEqualTo("runflow.run")
                .that()
                .hasLowCardinalityKeyValue("status", "succeeded")
                .hasLowCardinalityKeyValue("ended_by", "callback");
        assertThat(registry)
                .hasObservationWithNameEqualTo("runflow.webhook")
                .that()
                .hasContextualNameEqualTo("runflow webhook")
                .hasLowCardinalityKeyValue("outcome", "delivered")
                .hasLowCardinalityKeyValue("kind", "run")
                .hasLowCardinalityKeyValue("status", "200")
                .hasBeenStopped();
    }

    @Test
    void observesARejectedWebhookRequestWithoutAKind() {
        WebhookEndpoint endpoint = WebhookEndpoint.builder()
                .verifier(WebhookVerifier.builder().secret(SECRET).build())
                .observer(RunflowObservations.builder().registry(registry).build())
                .build();

        endpoint.handle("{}".getBytes(StandardCharsets.UTF_8), name -> null);

        assertThat(registry)
                .hasObservationWithNameEqualTo("runflow.webhook")
                .that()
                .hasLowCardinalityKeyValue("outcome", "unauthorized")
                .hasLowCardinalityKeyValue("kind", "none")
                .hasLowCardinalityKeyValue("status", "401");
    }

    @Test
    void aConventionOfTheUsersReplacesTheDefault() {
        RunflowObservations observations = RunflowObservations.builder()
                .registry(registry)
                .runConvention(new DefaultRunflowRunObservationConvention() {
                    @Override
                    public KeyValues getLowCardinalityKeyValues(RunflowRunContext context) {
                        return super.getLowCardinalityKeyValues(context).and("team", "imaging");
                    }

                    @Override
                    public String getName() {
                        return "images.generation";
                    }
                })
                .build();

        try (RunflowClient runflow = client(observations)) {
            runflow.runs().run(FluxProUltra.input("a fox"));
        }

        assertThat(registry)
                .hasNumberOfObservationsWithNameEqualTo("runflow.run", 0)
                .hasObservationWithNameEqualTo("images.generation")
                .that()
                .hasLowCardinalityKeyValue("team", "imaging")
                .hasLowCardinalityKeyValue("gen_ai.operation.name", "generate_content");
    }

    @Test
    void doesNothingWithTheNoopRegistry() {
        RunflowObservations observations = RunflowObservations.builder().build();

        assertThat(observations.startRun(new RunStart("m", (name, value) -> {})))
                .isSameAs(RunflowObserver.Work.none());
        assertThat(RunflowObservations.builder()
                        .registry(ObservationRegistry.NOOP)
                        .build()
                        .startWebhook(
                                new RunflowObserver.WebhookStart(RunflowObserver.WebhookStart.Kind.NONE, name -> null)))
                .isSameAs(RunflowObserver.Work.none());
    }

    private void recordEvents() {
        registry.observationConfig().observationHandler(new io.micrometer.observation.ObservationHandler<>() {
            @Override
            public void onEvent(Observation.Event event, Observation.Context context) {
                events.add(event.getName());
            }

            @Override
            public boolean supportsContext(Observation.Context context) {
                return true;
            }
        });
    }

    private RunflowClient client(RunflowObserver observer) {
        return server.clientBuilder().observer(observer).build();
    }
}
