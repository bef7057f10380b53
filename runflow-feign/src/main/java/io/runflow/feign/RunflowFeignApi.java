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
 * Runflow's endpoints as Feign sees them. Path values arrive already percent-encoded ({@code
 * encoded = true}) and {@code decodeSlash = false} keeps an encoded {@code /} inside an id encoded;
 * the model path keeps its literal {@code /} separators.
 */
interface RunflowFeignApi {

    @RequestLine(value = "POST /v1/models/{model}/runs", decodeSlash = false)
    @Headers({"Content-Type: application/json", "Idempotency-Key: {idempotencyKey}"})
    Run createRun(
            @Param(value = "model", encoded = true) String modelPath,
            @Param("idempotencyKey") String idempotencyKey,
            RunRequest body);

    @RequestLine(value = "GET /v1/runs/{id}", decodeSlash = false)
    Run getRun(@Param(value = "id", encoded = true) String runId);

    @RequestLine(value = "GET /v1/runs", decodeSlash = false)
    Page<Run> listRuns(@QueryMap Map<String, String> query);

    @RequestLine(value = "GET /v1/runs/{id}/callback", decodeSlash = false)
    List<CallbackDelivery> listCallbackDeliveries(@Param(value = "id", encoded = true) String runId);

    @RequestLine(value = "POST /v1/runs/{id}/callback-redeliveries", decodeSlash = false)
    CallbackDelivery redeliverCallback(@Param(value = "id", encoded = true) String runId);

    @RequestLine(value = "POST /v1/admin/runs/{id}/cancellation", decodeSlash = false)
    @Headers("Content-Type: application/json")
    Run cancelRun(@Param(value = "id", encoded = true) String runId, ObjectNode body);

    @RequestLine(value = "GET /v1/models", decodeSlash = false)
    Page<Model> listModels(@QueryMap Map<String, String> query);

    @RequestLine(value = "GET /v1/models/{model}", decodeSlash = false)
    Model getModel(@Param(value = "model", encoded = true) String modelPath);

    @RequestLine(value = "GET /v1/public/models", decodeSlash = false)
    Page<Model> listPublicModels(@QueryMap Map<String, String> query);

    @RequestLine(value = "POST /v1/callback-secrets", decodeSlash = false)
    @Headers("Content-Type: application/json")
    CallbackSecret createCallbackSecret(ObjectNode body);

    @RequestLine(value = "GET /v1/callback-secrets/{id}", decodeSlash = false)
    CallbackSecret getCallbackSecret(@Param(value = "id", encoded = true) String secretId);

    @RequestLine(value = "PATCH /v1/callback-secrets/{id}", decodeSlash = false)
    @Headers("Content-Type: application/json")
    CallbackSecret updateCallbackSecret(
            @Param(value = "id", encoded = true) String secretId, CallbackSecretUpdate body);

    @RequestLine(value = "GET /v1/health", decodeSlash = false)
    Health health();
}
