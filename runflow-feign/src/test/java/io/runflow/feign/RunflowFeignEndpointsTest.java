package io.runflow.feign;

import static io.runflow.feign.FeignTests.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.runflow.catalog.FluxProUltra;
import io.runflow.model.CallbackDelivery;
import io.runflow.model.CallbackSecret;
import io.runflow.model.CallbackSecretUpdate;
import io.runflow.model.Health;
import io.runflow.model.ListQuery;
import io.runflow.model.Model;
import io.runflow.model.Page;
import io.runflow.model.Run;
import io.runflow.model.RunRequest;
import io.runflow.model.RunStatus;
import io.runflow.testkit.FakeModel;
import io.runflow.testkit.FakeRun;
import io.runflow.testkit.FakeRunflowServer;
import io.runflow.testkit.RecordedRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RunflowFeignEndpointsTest {

    static final FakeRunflowServer server =
            FakeRunflowServer.builder().deterministic().build();
    static final RunflowFeign api = RunflowFeign.create(FeignTests.options(server, new FeignTests.RecordingSleeper()));

    @AfterEach
    void reset() {
        server.reset();
    }

    @AfterAll
    static void stop() {
        api.close();
        server.close();
    }

    private static List<RecordedRequest> sentSince(int before) {
        List<RecordedRequest> all = server.requests();
        return all.subList(before, all.size());
    }

    private static Run createFlux(String prompt) {
        return api.createRun(
                FluxProUltra.input(prompt).toRequest().withIdempotencyKey("key-" + prompt.replace(' ', '-')));
    }

    @Test
    void createRunPostsTheBodyWithAuthAndIdempotencyHeadersAndReadsTheRun() {
        RunRequest request = FluxProUltra.input("a serene japanese garden")
                .seed(42)
                .toRequest()
                .withCallbackUrl("https://example.com/hooks/runflow")
                .withMetadata(Map.of("order_id", "A-1001"))
                .withClientRef("order-A-1001")
                .withIdempotencyKey("key-1");

        Run run = api.createRun(request);

        RecordedRequest sent = server.takeRequest();
        assertThat(sent.method()).isEqualTo("POST");
        assertThat(sent.target()).isEqualTo("/v1/models/black-forest-labs/flux-1-1-pro-ultra/runs");
        assertThat(sent.header("Authorization")).contains("Bearer " + server.apiKey());
        assertThat(sent.header("Idempotency-Key")).contains("key-1");
        assertThat(sent.header("Content-Type")).contains("application/json");
        assertThat(sent.header("Accept")).contains("application/json");
        assertThat(sent.header("User-Agent")).contains(FeignTests.USER_AGENT);
        assertThat(sent.header("X-Organization-Id")).contains(FeignTests.ORGANIZATION);
        assertThat(json(sent))
                .isEqualTo(json("{\"input\":{\"prompt\":\"a serene japanese garden\",\"seed\":42},"
                        + "\"callback_url\":\"https://example.com/hooks/runflow\","
                        + "\"metadata\":{\"order_id\":\"A-1001\"},\"client_ref\":\"order-A-1001\"}"));

        FakeRun stored = server.runs().get(0);
        assertThat(run.id()).isEqualTo(stored.id());
        assertThat(run.status()).isEqualTo(RunStatus.QUEUED);
        assertThat(run.clientRef()).isEqualTo("order-A-1001");
        assertThat(run.callbackUrl()).isEqualTo("https://example.com/hooks/runflow");
        assertThat(run.metadata().path("order_id").asString().orElseThrow()).isEqualTo("A-1001");
        assertThat(run.input().path("seed").asNumber().orElseThrow().longValue())
                .isEqualTo(42);
        assertThat(stored.idempotencyKey()).isEqualTo("key-1");
    }

    @Test
    void createRunKeepsTheSegmentsOfALongModelId() {
        Run run = api.createRun(RunRequest.of(
                        "runflow/object-removal/prompt",
                        Map.of("image_url", "https://example.com/a.jpg", "prompt", "remove the car"))
                .withIdempotencyKey("k"));

        assertThat(server.takeRequest().path()).isEqualTo("/v1/models/runflow/object-removal/prompt/runs");
        assertThat(server.runs().get(0).model()).isEqualTo("runflow/object-removal/prompt");
        assertThat(run.id()).isEqualTo(server.runs().get(0).id());
    }

    @Test
    void modelIdsWithReservedCharactersReachTheirModel() {
        FakeRunflowServer spaced = FakeRunflowServer.builder()
                .deterministic()
                .model(FakeModel.image("acme/my model/v 2", 64, 64, "prompt"))
                .build();
        try (spaced;
                RunflowFeign client =
                        RunflowFeign.create(FeignTests.options(spaced, new FeignTests.RecordingSleeper()))) {
            Run run = client.createRun(FeignTests.keyed(RunRequest.of("acme/my model/v 2", Map.of("prompt", "x"))));
            Model model = client.getModel("acme/my model/v 2");

            assertThat(spaced.takeRequest().path()).isEqualTo("/v1/models/acme/my model/v 2/runs");
            assertThat(spaced.runs()).singleElement().satisfies(r -> {
                assertThat(r.model()).isEqualTo("acme/my model/v 2");
                assertThat(r.id()).isEqualTo(run.id());
            });
            assertThat(model.name()).isNotBlank();
        }
    }

    @Test
    void organizationHeaderIsLeftOutWhenNotSet() {
        try (RunflowFeign client = RunflowFeign.create(
                FeignTests.options(server, server.apiKey(), null, new FeignTests.RecordingSleeper()))) {
            client.health();
        }

        assertThat(server.takeRequest().header("X-Organization-Id")).isEmpty();
    }

    @Test
    void getRunReadsTheFinishedRun() {
        Run created = createFlux("a fox");
        server.advance(Duration.ofSeconds(1));
        server.takeRequest();

        Run run = api.getRun(created.id());

        RecordedRequest sent = server.takeRequest();
        assertThat(sent.method()).isEqualTo("GET");
        assertThat(sent.target()).isEqualTo("/v1/runs/" + created.id());
        assertThat(sent.body()).isEmpty();
        assertThat(sent.header("Authorization")).contains("Bearer " + server.apiKey());
        assertThat(run.id()).isEqualTo(created.id());
        assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(run.output().outputs()).singleElement().satisfies(file -> {
            assertThat(file.type()).isEqualTo("image");
            assertThat(file.contentType()).isEqualTo("image/jpeg");
            assertThat(file.width()).isEqualTo(2752);
            assertThat(file.height()).isEqualTo(1536);
            assertThat(file.url()).startsWith(server.baseUrl() + "/files/");
        });
        assertThat(run.output().nsfwDetected()).isFalse();
        assertThat(run.output().seed()).isNotNull();
    }

    @Test
    void listRunsSendsTheQueryAndFollowsCursors() {
        createFlux("one");
        createFlux("two");
        createFlux("three");
        int before = server.requests().size();
        ListQuery query = ListQuery.builder()
                .status(RunStatus.QUEUED)
                .limit(2)
                .sortBy("created_at:desc")
                .build();

        Page<Run> first = api.listRuns(query);
        Page<Run> second = api.listRuns(query.withCursor(first.next()));

        List<RecordedRequest> lists = sentSince(before);
        assertThat(lists.get(0).method()).isEqualTo("GET");
        assertThat(lists.get(0).query()).isEqualTo("q=status_code%3Aqueued&limit=2&sort_by=created_at%3Adesc");
        assertThat(lists.get(1).query()).contains("pq=" + first.next());
        assertThat(first.items()).hasSize(2);
        assertThat(first.hasNext()).isTrue();
        assertThat(second.items()).hasSize(1);
        assertThat(second.hasNext()).isFalse();
        assertThat(List.of(
                        first.items().get(0).input().path("prompt").asString().orElseThrow(),
                        first.items().get(1).input().path("prompt").asString().orElseThrow(),
                        second.items().get(0).input().path("prompt").asString().orElseThrow()))
                .containsExactly("three", "two", "one");
    }

    @Test
    void listRunsFiltersOnClientRef() {
        api.createRun(
                FluxProUltra.input("a").toRequest().withClientRef("order 1").withIdempotencyKey("a"));
        api.createRun(
                FluxProUltra.input("b").toRequest().withClientRef("order-2").withIdempotencyKey("b"));

        Page<Run> page = api.listRuns(ListQuery.builder().clientRef("order 1").build());

        assertThat(page.items()).singleElement().extracting(Run::clientRef).isEqualTo("order 1");
    }

    @Test
    void listRunsWithoutParametersSendsNoQuery() {
        api.listRuns(ListQuery.all());

        assertThat(server.takeRequest().target()).isEqualTo("/v1/runs");
    }

    @Test
    void callbackHistoryAndRedeliveryReadTheDeliveries() {
        try (CallbackReceiver receiver = CallbackReceiver.accepting()) {
            Run run = api.createRun(FluxProUltra.input("hook")
                    .toRequest()
                    .withCallbackUrl(receiver.url())
                    .withIdempotencyKey("h"));
            server.advance(Duration.ofSeconds(1));
            int before = server.requests().size();

            List<CallbackDelivery> history = api.listCallbackDeliveries(run.id());
            CallbackDelivery redelivery = api.redeliverCallback(run.id(), FeignTests.key());

            assertThat(history).singleElement().satisfies(delivery -> {
                assertThat(delivery.runId()).isEqualTo(run.id());
                assertThat(delivery.callbackUrl()).isEqualTo(receiver.url());
                assertThat(delivery.automatic()).isTrue();
                assertThat(delivery.attempts())
                        .singleElement()
                        .satisfies(attempt -> assertThat(attempt.httpStatus()).isEqualTo(200));
            });
            assertThat(redelivery.runId()).isEqualTo(run.id());
            assertThat(redelivery.automatic()).isFalse();
            List<RecordedRequest> sent = sentSince(before);
            assertThat(sent.get(0).method() + " " + sent.get(0).target())
                    .isEqualTo("GET /v1/runs/" + run.id() + "/callback");
            assertThat(sent.get(1).method() + " " + sent.get(1).target())
                    .isEqualTo("POST /v1/runs/" + run.id() + "/callback-redeliveries");
            assertThat(sent.get(1).body()).isEmpty();
        }
    }

    @Test
    void cancelRunPostsTheReason() {
        Run run = createFlux("cancel me");
        server.takeRequest();

        Run canceled = api.cancelRun(run.id(), "duplicate order", FeignTests.key());

        RecordedRequest sent = server.takeRequest();
        assertThat(sent.method() + " " + sent.target()).isEqualTo("POST /v1/admin/runs/" + run.id() + "/cancellation");
        assertThat(json(sent)).isEqualTo(json("{\"reason\":\"duplicate order\"}"));
        assertThat(canceled.status()).isEqualTo(RunStatus.CANCELED);
        assertThat(server.run(run.id()).orElseThrow().status()).isEqualTo("canceled");
    }

    @Test
    void cancelRunWithoutReasonSendsAnEmptyObject() {
        Run run = createFlux("cancel me too");
        server.takeRequest();

        api.cancelRun(run.id(), null, FeignTests.key());

        assertThat(json(server.takeRequest())).isEqualTo(json("{}"));
    }

    @Test
    void modelsAreListedAndReadByTheirFullId() {
        Page<Model> page = api.listModels(ListQuery.builder().limit(10).build());
        Model kontext = api.getModel("black-forest-labs/flux-pro/kontext");
        Page<Model> publicModels = api.listPublicModels(ListQuery.all());

        List<RecordedRequest> sent = server.requests();
        assertThat(sent.get(0).target()).isEqualTo("/v1/models?limit=10");
        assertThat(sent.get(1).target()).isEqualTo("/v1/models/black-forest-labs/flux-pro/kontext");
        assertThat(sent.get(2).target()).isEqualTo("/v1/public/models");
        assertThat(page.items()).extracting(Model::name).contains("FLUX 1.1 [pro] Ultra", "FLUX.1 Kontext [pro]");
        assertThat(kontext.name()).isEqualTo("FLUX.1 Kontext [pro]");
        assertThat(publicModels.items()).isNotEmpty();
    }

    @Test
    void callbackSecretsAreCreatedReadAndUpdated() {
        CallbackSecret created = api.createCallbackSecret("rotation", FeignTests.key());
        CallbackSecret read = api.getCallbackSecret(created.id());
        CallbackSecret promoted = api.updateCallbackSecret(created.id(), new CallbackSecretUpdate("primary", true));

        List<RecordedRequest> sent = server.requests();
        assertThat(sent.get(0).method() + " " + sent.get(0).target()).isEqualTo("POST /v1/callback-secrets");
        assertThat(json(sent.get(0))).isEqualTo(json("{\"label\":\"rotation\"}"));
        assertThat(sent.get(1).method() + " " + sent.get(1).target())
                .isEqualTo("GET /v1/callback-secrets/" + created.id());
        assertThat(sent.get(2).method() + " " + sent.get(2).target())
                .isEqualTo("PATCH /v1/callback-secrets/" + created.id());
        assertThat(json(sent.get(2))).isEqualTo(json("{\"label\":\"primary\",\"is_current\":true}"));
        assertThat(created.plainSecret()).isNotBlank();
        assertThat(created.label()).isEqualTo("rotation");
        assertThat(read.plainSecret()).isNull();
        assertThat(read.id()).isEqualTo(created.id());
        assertThat(promoted.label()).isEqualTo("primary");
        assertThat(promoted.current()).isTrue();
    }

    @Test
    void callbackSecretWithoutLabelSendsAnEmptyObject() {
        api.createCallbackSecret(null, FeignTests.key());

        assertThat(json(server.takeRequest())).isEqualTo(json("{}"));
    }

    @Test
    void healthIsRead() {
        Health health = api.health();

        RecordedRequest sent = server.takeRequest();
        assertThat(sent.method() + " " + sent.target()).isEqualTo("GET /v1/health");
        assertThat(health.ok()).isTrue();
    }
}
