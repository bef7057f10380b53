package io.runflow;

import io.runflow.errors.RunflowApiException;
import io.runflow.errors.RunflowDecodingException;
import io.runflow.errors.RunflowIoException;
import io.runflow.model.CallbackDelivery;
import io.runflow.model.CallbackSecret;
import io.runflow.model.CallbackSecretUpdate;
import io.runflow.model.Health;
import io.runflow.model.ListQuery;
import io.runflow.model.Model;
import io.runflow.model.Page;
import io.runflow.model.Run;
import io.runflow.model.RunRequest;
import java.util.List;

/**
 * The port to Runflow's HTTP API: one method per endpoint, typed with the model records, no
 * behaviour. A transport (such as {@code runflow-feign}) implements it; applications use {@link
 * RunflowClient}, which adds waiting, paging and idempotency on top.
 *
 * <p>Implementations are thread-safe, send an {@code Idempotency-Key} on every {@code POST} (one per
 * call, the same on each attempt), retry according to {@link RunflowOptions#retryPolicy()} with each
 * endpoint's {@link RetryPolicy.Replay} (unsafe: callback redelivery and callback-secret create), and
 * throw {@link RunflowApiException} (via {@code io.runflow.internal.json.ApiErrors}) for error statuses,
 * {@link RunflowIoException} for transport failures and {@link RunflowDecodingException} for bodies
 * they cannot read.
 */
public interface RunflowApi extends AutoCloseable {

    /**
     * {@code POST /v1/models/{model}/runs}, with the request's {@code Idempotency-Key} on every
     * attempt.
     *
     * @param request the request; its {@link RunRequest#idempotencyKey()} is set
     * @return the created run
     */
    Run createRun(RunRequest request);

    /**
     * {@code GET /v1/runs/{id}}.
     *
     * @param runId the run id
     * @return the run
     */
    Run getRun(String runId);

    /**
     * {@code GET /v1/runs}.
     *
     * @param query filters, sort, page size and cursor
     * @return one page
     */
    Page<Run> listRuns(ListQuery query);

    /**
     * {@code GET /v1/runs/{id}/callback}.
     *
     * @param runId the run id
     * @return every delivery of the run's callback
     */
    List<CallbackDelivery> listCallbackDeliveries(String runId);

    /**
     * {@code POST /v1/runs/{id}/callback-redeliveries}. {@link RetryPolicy.Replay#UNSAFE UNSAFE}: an
     * ambiguous failure is thrown, not retried, since a repeat could deliver twice.
     *
     * @param runId the run id
     * @return the new delivery
     */
    CallbackDelivery redeliverCallback(String runId);

    /**
     * {@code POST /v1/admin/runs/{id}/cancellation} (admin keys only).
     *
     * @param runId the run id
     * @param reason the audit reason (3 to 500 characters), or {@code null}
     * @return the run, canceled or already terminal
     */
    Run cancelRun(String runId, String reason);

    /**
     * {@code GET /v1/models}.
     *
     * @param query filters, page size and cursor
     * @return one page
     */
    Page<Model> listModels(ListQuery query);

    /**
     * {@code GET /v1/models/{owner}/{slug}}.
     *
     * @param modelId the model id, {@code owner/slug}
     * @return the model
     */
    Model getModel(String modelId);

    /**
     * {@code GET /v1/public/models} (no authentication needed).
     *
     * @param query filters, page size and cursor
     * @return one page
     */
    Page<Model> listPublicModels(ListQuery query);

    /**
     * {@code POST /v1/callback-secrets}. {@link RetryPolicy.Replay#UNSAFE UNSAFE}: an ambiguous
     * failure is thrown, not retried, since a repeat could create a second secret.
     *
     * @param label a label of at most 255 characters, or {@code null}
     * @return the secret, with its {@code plain_secret} (shown this once)
     */
    CallbackSecret createCallbackSecret(String label);

    /**
     * {@code GET /v1/callback-secrets/{id}}.
     *
     * @param secretId the secret's id
     * @return the secret, without secret material
     */
    CallbackSecret getCallbackSecret(String secretId);

    /**
     * {@code PATCH /v1/callback-secrets/{id}}.
     *
     * @param secretId the secret's id
     * @param update the change
     * @return the updated secret
     */
    CallbackSecret updateCallbackSecret(String secretId, CallbackSecretUpdate update);

    /**
     * {@code GET /v1/health}.
     *
     * @return the health
     */
    Health health();

    /** Releases the transport's resources; the default does nothing. */
    @Override
    default void close() {}
}
