package io.runflow.feign;

import com.fasterxml.jackson.databind.JsonNode;
import io.runflow.RunflowClient;
import io.runflow.catalog.FluxProUltra;
import io.runflow.model.BatchRequest;
import io.runflow.model.CallbackSecretUpdate;
import io.runflow.model.ListQuery;
import io.runflow.testkit.FakeRunflowServer;
import io.runflow.testkit.RecordedCallback;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * The endpoints of the fault matrix, each called through the {@link RunflowClient} facade: how to
 * set up what it acts on, which path its fault goes on, the call, and what the fake holds of its
 * effect. Reading endpoints have no effect of their own: for them the fake's whole holdings must not
 * change.
 *
 * @param name the call, as a user writes it
 * @param kind how the SDK may repeat it
 * @param setup makes what the call acts on (without faults), returning its id or {@code ""}
 * @param path the fault's path prefix, from the id
 * @param call the call, from the id
 * @param effect how much of the call's effect the fake holds, for mutating calls; null for reads
 * @param faultOnEffect whether the faulted request is the one that makes the effect
 */
record MatrixEndpoint(
        String name,
        Kind kind,
        BiFunction<RunflowClient, FakeRunflowServer, String> setup,
        Function<String, String> path,
        BiFunction<RunflowClient, String, Object> call,
        ToLongFunction<FakeRunflowServer> effect,
        boolean faultOnEffect) {

    /** How an endpoint's failures may be repeated. */
    enum Kind {
        /** A read: retried after any ambiguous failure. */
        READ,
        /** Retried after an ambiguous failure: its key or its semantics make a repeat harmless. */
        SAFE,
        /** Not retried after an ambiguous failure: the caller is told it may have been applied. */
        UNSAFE,
        /** The upload's {@code PUT} to its presigned URL: never retried, the status is all it reads. */
        UPLOAD_PUT
    }

    /** Where the fake sends callbacks: a loopback port that refuses, so deliveries fail at once. */
    static final String REFUSED_HOOK = "http://127.0.0.1:9/hooks/runflow";

    static final BigDecimal THRESHOLD = new BigDecimal("7.50");

    /** A few bytes that open a JPEG: what the fake's confirmation checks of the stored object. */
    static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0};

    /**
     * Reads what the fake holds where it has no Java accessor. It lives as long as the class; its
     * tasks run on its selector thread, so it starts no pool threads during a case.
     */
    private static final HttpClient INSPECTOR = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .executor(Runnable::run)
            .build();

    @Override
    public String toString() {
        return name;
    }

    static List<MatrixEndpoint> all() {
        return List.of(
                mutation(
                        "runs().create",
                        Kind.SAFE,
                        none(),
                        id -> "/v1/models/",
                        (c, id) -> c.runs().create(FluxProUltra.input("matrix")),
                        s -> s.runs().size()),
                read(
                        "runs().get",
                        finishedRun(),
                        id -> "/v1/runs/" + id,
                        (c, id) -> c.runs().get(id)),
                read(
                        "runs().list",
                        finishedRun(),
                        id -> "/v1/runs",
                        (c, id) -> c.runs().list(ListQuery.all()).firstPage()),
                read(
                        "runs().logs",
                        finishedRun(),
                        id -> "/v1/runs/" + id + "/logs",
                        (c, id) -> c.runs().logs(id).firstPage()),
                read(
                        "runs().statuses",
                        none(),
                        id -> "/v1/runs/statuses",
                        (c, id) -> c.runs().statuses()),
                read(
                        "runs().callbackDeliveries",
                        finishedRun(),
                        id -> "/v1/runs/" + id + "/callback",
                        (c, id) -> c.runs().callbackDeliveries(id)),
                mutation(
                        "runs().redeliverCallback",
                        Kind.UNSAFE,
                        finishedRun(),
                        id -> "/v1/runs/" + id + "/callback-redeliveries",
                        (c, id) -> c.runs().redeliverCallback(id),
                        MatrixEndpoint::redeliveries),
                mutation(
                        "runs().cancel",
                        Kind.SAFE,
                        (c, s) ->
                                c.runs().create(FluxProUltra.input("to cancel")).id(),
                        id -> "/v1/admin/runs/" + id + "/cancellation",
                        (c, id) -> c.runs().cancel(id, "matrix"),
                        s -> s.runs().stream()
                                .filter(r -> r.status().equals("canceled"))
                                .count()),
                mutation(
                        "batches().create",
                        Kind.SAFE,
                        none(),
                        id -> "/v1/models/",
                        (c, id) -> c.batches()
                                .create(BatchRequest.of(List.of(FluxProUltra.input("one"), FluxProUltra.input("two")))),
                        s -> s.runs().size() / 2),
                read(
                        "batches().get",
                        finishedBatch(),
                        id -> "/v1/batches/" + id,
                        (c, id) -> c.batches().get(id)),
                read(
                        "batches().items",
                        finishedBatch(),
                        id -> "/v1/batches/" + id + "/items",
                        (c, id) -> c.batches().items(id).firstPage()),
                mutation(
                        "batches().redeliverCallback",
                        Kind.UNSAFE,
                        finishedBatch(),
                        id -> "/v1/batches/" + id + "/callback-redeliveries",
                        (c, id) -> c.batches().redeliverCallback(id),
                        MatrixEndpoint::redeliveries),
                mutation(
                        "assets().upload: the presign",
                        Kind.UNSAFE,
                        none(),
                        id -> "/v1/asset-uploads",
                        (c, id) -> c.assets().upload(JPEG, "matrix.jpg", "image/jpeg"),
                        FakeRunflowServer::uploadSessions),
                new MatrixEndpoint(
                        "assets().upload: the PUT",
                        Kind.UPLOAD_PUT,
                        none(),
                        id -> "/uploads/",
                        (c, id) -> c.assets().upload(JPEG, "matrix.jpg", "image/jpeg"),
                        s -> s.assetIds().size(),
                        false),
                mutation(
                        "assets().upload: the confirmation",
                        Kind.UNSAFE,
                        none(),
                        id -> "/v1/asset-uploads/",
                        (c, id) -> c.assets().upload(JPEG, "matrix.jpg", "image/jpeg"),
                        s -> s.assetIds().size()),
                read(
                        "assets().get",
                        (c, s) -> c.assets()
                                .upload(JPEG, "fixture.jpg", "image/jpeg")
                                .id(),
                        id -> "/v1/assets/" + id,
                        (c, id) -> c.assets().get(id)),
                read(
                        "assets().types",
                        none(),
                        id -> "/v1/assets/types",
                        (c, id) -> c.assets().types()),
                read(
                        "account().me",
                        none(),
                        id -> "/v1/auth/me",
                        (c, id) -> c.account().me()),
                read(
                        "account().balance",
                        none(),
                        id -> "/v1/billing/balance",
                        (c, id) -> c.account().balance()),
                mutation(
                        "account().updateLowBalanceThreshold",
                        Kind.SAFE,
                        none(),
                        id -> "/v1/billing/balance",
                        (c, id) -> c.account().updateLowBalanceThreshold(THRESHOLD),
                        MatrixEndpoint::thresholdSet),
                mutation(
                        "callbackSecrets().create",
                        Kind.UNSAFE,
                        none(),
                        id -> "/v1/callback-secrets",
                        (c, id) -> c.callbackSecrets().create("matrix"),
                        s -> s.callbackSecrets().size()),
                read(
                        "callbackSecrets().get",
                        (c, s) -> c.callbackSecrets().create("fixture").id(),
                        id -> "/v1/callback-secrets/" + id,
                        (c, id) -> c.callbackSecrets().get(id)),
                mutation(
                        "callbackSecrets().update",
                        Kind.SAFE,
                        (c, s) -> c.callbackSecrets().create("fixture").id(),
                        id -> "/v1/callback-secrets/" + id,
                        (c, id) -> c.callbackSecrets().update(id, CallbackSecretUpdate.relabel("renamed")),
                        s -> s.callbackSecrets().stream()
                                .filter(secret -> "renamed".equals(secret.label()))
                                .count()));
    }

    /** What the fake holds, all of it: a read must leave every figure as it was. */
    static List<Object> holdings(FakeRunflowServer server) {
        return List.of(
                server.runs().stream().map(r -> r.id() + ":" + r.status()).toList(),
                server.deliveries().stream().map(RecordedCallback::id).toList(),
                server.callbackSecrets().stream()
                        .map(secret -> secret.id() + ":" + secret.label())
                        .toList(),
                server.assetIds(),
                server.uploadSessions());
    }

    private static MatrixEndpoint read(
            String name,
            BiFunction<RunflowClient, FakeRunflowServer, String> setup,
            Function<String, String> path,
            BiFunction<RunflowClient, String, Object> call) {
        return new MatrixEndpoint(name, Kind.READ, setup, path, call, null, false);
    }

    private static MatrixEndpoint mutation(
            String name,
            Kind kind,
            BiFunction<RunflowClient, FakeRunflowServer, String> setup,
            Function<String, String> path,
            BiFunction<RunflowClient, String, Object> call,
            ToLongFunction<FakeRunflowServer> effect) {
        return new MatrixEndpoint(name, kind, setup, path, call, effect, true);
    }

    private static BiFunction<RunflowClient, FakeRunflowServer, String> none() {
        return (c, s) -> "";
    }

    /** A run that succeeded and whose callback was attempted. */
    private static BiFunction<RunflowClient, FakeRunflowServer, String> finishedRun() {
        return (c, s) -> {
            String id = c.runs()
                    .create(FluxProUltra.input("fixture").toRequest().withCallbackUrl(REFUSED_HOOK))
                    .id();
            s.advance(Duration.ofSeconds(5));
            return id;
        };
    }

    /** A batch of two that succeeded and whose callback was attempted. */
    private static BiFunction<RunflowClient, FakeRunflowServer, String> finishedBatch() {
        return (c, s) -> {
            String id = c.batches()
                    .create(BatchRequest.of(List.of(FluxProUltra.input("one"), FluxProUltra.input("two")))
                            .withCallbackUrl(REFUSED_HOOK))
                    .id();
            s.advance(Duration.ofSeconds(5));
            return id;
        };
    }

    private static long redeliveries(FakeRunflowServer server) {
        return server.deliveries().stream().filter(d -> !d.automatic()).count();
    }

    /** Whether the fake's balance has the matrix's threshold, read through its own API. */
    private static long thresholdSet(FakeRunflowServer server) {
        HttpRequest balance = HttpRequest.newBuilder(URI.create(server.baseUrl() + "/v1/billing/balance"))
                .header("Authorization", "Bearer " + server.apiKey())
                .build();
        try {
            HttpResponse<String> answer = INSPECTOR.send(balance, HttpResponse.BodyHandlers.ofString());
            JsonNode threshold = FeignTests.json(answer.body()).get("low_balance_threshold");
            return threshold != null
                            && threshold.isTextual()
                            && new BigDecimal(threshold.asText()).compareTo(THRESHOLD) == 0
                    ? 1
                    : 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
