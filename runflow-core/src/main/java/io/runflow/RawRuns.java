package io.runflow;

import io.runflow.model.CallbackDelivery;
import io.runflow.model.ListQuery;
import io.runflow.model.ModelInput;
import io.runflow.model.Page;
import io.runflow.model.Run;
import io.runflow.model.RunLog;
import io.runflow.model.RunRequest;
import io.runflow.model.RunStatusDefinition;
import java.util.List;

/**
 * Runs with the HTTP status and headers of each answer: {@link Runs} seen through {@link
 * Runs#withRawResponse()}. Each method makes the same request, with the same checks and
 * idempotency key, as the method of the same name there.
 *
 * <pre>{@code
 * RawResponse<Run> created = runflow.runs().withRawResponse().create(request);
 * }</pre>
 */
public final class RawRuns {

    private final Runs runs;
    private final RunflowApi api;

    RawRuns(Runs runs, RunflowApi api) {
        this.runs = runs;
        this.api = api;
    }

    /**
     * Creates a run, as {@link Runs#create(RunRequest)}.
     *
     * @param request the request
     * @return the answer
     */
    public RawResponse<Run> create(RunRequest request) {
        return api.exchange(() -> runs.create(request));
    }

    /**
     * Creates a run from a typed input, as {@link Runs#create(ModelInput)}.
     *
     * @param input the typed input
     * @return the answer
     */
    public RawResponse<Run> create(ModelInput input) {
        return api.exchange(() -> runs.create(input));
    }

    /**
     * Reads a run, as {@link Runs#get(String)}.
     *
     * @param runId the run id
     * @return the answer
     */
    public RawResponse<Run> get(String runId) {
        return api.exchange(() -> runs.get(runId));
    }

    /**
     * Reads one page of runs, as {@link Runs#list(ListQuery)} reads its first.
     *
     * @param query filters, sort, page size and cursor
     * @return the answer
     */
    public RawResponse<Page<Run>> list(ListQuery query) {
        return api.exchange(() -> runs.list(query).firstPage());
    }

    /**
     * Reads one page of a run's log entries, as {@link Runs#logs(String, ListQuery)} reads its first.
     *
     * @param runId the run id
     * @param query filters, sort, page size and cursor
     * @return the answer
     */
    public RawResponse<Page<RunLog>> logs(String runId, ListQuery query) {
        return api.exchange(() -> runs.logs(runId, query).firstPage());
    }

    /**
     * Lists the run statuses, as {@link Runs#statuses()}.
     *
     * @return the answer
     */
    public RawResponse<List<RunStatusDefinition>> statuses() {
        return api.exchange(() -> runs.statuses());
    }

    /**
     * Lists a run's callback deliveries, as {@link Runs#callbackDeliveries(String)}.
     *
     * @param runId the run id
     * @return the answer
     */
    public RawResponse<List<CallbackDelivery>> callbackDeliveries(String runId) {
        return api.exchange(() -> runs.callbackDeliveries(runId));
    }

    /**
     * Sends a run's callback again, as {@link Runs#redeliverCallback(String)}.
     *
     * @param runId the run id
     * @return the answer
     */
    public RawResponse<CallbackDelivery> redeliverCallback(String runId) {
        return api.exchange(() -> runs.redeliverCallback(runId));
    }

    /**
     * Cancels a run, as {@link Runs#cancel(String, String)}.
     *
     * @param runId the run id
     * @param reason the audit reason, 3 to 500 characters
     * @return the answer
     */
    public RawResponse<Run> cancel(String runId, String reason) {
        return api.exchange(() -> runs.cancel(runId, reason));
    }

    /**
     * Cancels a run without a reason, as {@link Runs#cancel(String)}.
     *
     * @param runId the run id
     * @return the answer
     */
    public RawResponse<Run> cancel(String runId) {
        return api.exchange(() -> runs.cancel(runId));
    }
}
