package io.runflow;

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

/** Forwards every call, so a test can override one. */
class DelegatingApi implements RunflowApi {

    private final RunflowApi delegate;

    DelegatingApi(RunflowApi delegate) {
        this.delegate = delegate;
    }

    @Override
    public Run createRun(RunRequest request) {
        return delegate.createRun(request);
    }

    @Override
    public Run getRun(String runId) {
        return delegate.getRun(runId);
    }

    @Override
    public Page<Run> listRuns(ListQuery query) {
        return delegate.listRuns(query);
    }

    @Override
    public List<CallbackDelivery> listCallbackDeliveries(String runId) {
        return delegate.listCallbackDeliveries(runId);
    }

    @Override
    public CallbackDelivery redeliverCallback(String runId) {
        return delegate.redeliverCallback(runId);
    }

    @Override
    public Run cancelRun(String runId, String reason) {
        return delegate.cancelRun(runId, reason);
    }

    @Override
    public Page<Model> listModels(ListQuery query) {
        return delegate.listModels(query);
    }

    @Override
    public Model getModel(String modelId) {
        return delegate.getModel(modelId);
    }

    @Override
    public Page<Model> listPublicModels(ListQuery query) {
        return delegate.listPublicModels(query);
    }

    @Override
    public CallbackSecret createCallbackSecret(String label) {
        return delegate.createCallbackSecret(label);
    }

    @Override
    public CallbackSecret getCallbackSecret(String secretId) {
        return delegate.getCallbackSecret(secretId);
    }

    @Override
    public CallbackSecret updateCallbackSecret(String secretId, CallbackSecretUpdate update) {
        return delegate.updateCallbackSecret(secretId, update);
    }

    @Override
    public Health health() {
        return delegate.health();
    }

    @Override
    public void close() {
        delegate.close();
    }
}
