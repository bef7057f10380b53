package io.runflow.feign;

import com.fasterxml.jackson.databind.node.ObjectNode;
import feign.Headers;
import feign.Param;
import feign.QueryMap;
import feign.RequestLine;
import io.runflow.model.CallbackDelivery;
import io.runflow.model.CallbackSecret;
import io.runflow.model.CallbackSecretUpdate;
import io.runflow.model.Health;
import io.runflow.model.Model;
import io.runflow.model.Page;
import io.runflow.model.Run;
import io.runflow.model.RunRequest;
import java.util.List;
import java.util.Map;

/**
 * Runflow's endpoints as Feign sees them.
 *
 * <p>Path values arrive fully percent-encoded (see {@link RunflowFeign}): Feign passes a value made
 * only of unreserved characters and {@code %XX} through untouched, and encodes anything else again.
 * Ids use {@code decodeSlash = false}, so an encoded {@code /} inside an id stays {@code %2F}; the
 * model path arrives with its separators as {@code %2F} and uses {@code decodeSlash = true}, which
 * turns exactly those back into {@code /}.
 *
 * <p>Every {@code POST} carries an {@code Idempotency-Key} (Runflow's idempotency middleware is
 * global); {@link Endpoints#replay} says which of them may be retried after an ambiguous failure.
 */
interface RunflowFeignApi {

    @RequestLine(value = "POST /v1/models/{model}/runs", decodeSlash = true)
    @Headers({"Content-Type: application/json", "Idempotency-Key: {idempotencyKey}"})
    Run createRun(@Param("model") String modelPath, @Param("idempotencyKey") String idempotencyKey, RunRequest body);

    @RequestLine(value = "GET /v1/runs/{id}", decodeSlash = false)
    Run getRun(@Param("id") String runId);

    @RequestLine(value = "GET /v1/runs", decodeSlash = false)
    Page<Run> listRuns(@QueryMap Map<String, String> query);

    @RequestLine(value = "GET /v1/runs/{id}/callback", decodeSlash = false)
    List<CallbackDelivery> listCallbackDeliveries(@Param("id") String runId);

    @RequestLine(value = "POST /v1/runs/{id}/callback-redeliveries", decodeSlash = false)
    @Headers("Idempotency-Key: {idempotencyKey}")
    CallbackDelivery redeliverCallback(@Param("id") String runId, @Param("idempotencyKey") String idempotencyKey);

    @RequestLine(value = "POST /v1/admin/runs/{id}/cancellation", decodeSlash = false)
    @Headers({"Content-Type: application/json", "Idempotency-Key: {idempotencyKey}"})
    Run cancelRun(@Param("id") String runId, @Param("idempotencyKey") String idempotencyKey, ObjectNode body);

    @RequestLine(value = "GET /v1/models", decodeSlash = false)
    Page<Model> listModels(@QueryMap Map<String, String> query);

    @RequestLine(value = "GET /v1/models/{model}", decodeSlash = true)
    Model getModel(@Param("model") String modelPath);

    @RequestLine(value = "GET /v1/public/models", decodeSlash = false)
    Page<Model> listPublicModels(@QueryMap Map<String, String> query);

    @RequestLine(value = "POST /v1/callback-secrets", decodeSlash = false)
    @Headers({"Content-Type: application/json", "Idempotency-Key: {idempotencyKey}"})
    CallbackSecret createCallbackSecret(@Param("idempotencyKey") String idempotencyKey, ObjectNode body);

    @RequestLine(value = "GET /v1/callback-secrets/{id}", decodeSlash = false)
    CallbackSecret getCallbackSecret(@Param("id") String secretId);

    @RequestLine(value = "PATCH /v1/callback-secrets/{id}", decodeSlash = false)
    @Headers("Content-Type: application/json")
    CallbackSecret updateCallbackSecret(@Param("id") String secretId, CallbackSecretUpdate body);

    @RequestLine(value = "GET /v1/health", decodeSlash = false)
    Health health();
}
