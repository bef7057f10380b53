package io.runflow.micrometer;

import io.micrometer.common.docs.KeyName;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;
import io.micrometer.observation.docs.ObservationDocumentation;

/**
 * The SDK's three Micrometer observations, their keys and their default conventions, as Micrometer
 * documents observations for client libraries.
 *
 * <table>
 *   <caption>Observations</caption>
 *   <tr><th>name</th><th>context</th><th>one per</th><th>span name</th></tr>
 *   <tr><td>{@code runflow.client.request}</td><td>{@link RunflowClientRequestContext}, a sender
 *       context: the tracer puts {@code traceparent} on the request</td><td>HTTP attempt</td>
 *       <td>{@code POST /v1/models/{model}/runs}</td></tr>
 *   <tr><td>{@code runflow.run}</td><td>{@link RunflowRunContext}, a sender context: the tracer's
 *       context goes to the run's metadata</td><td>run, from its create to its end</td>
 *       <td>{@code generate_content <model>}</td></tr>
 *   <tr><td>{@code runflow.webhook}</td><td>{@link RunflowWebhookContext}, a receiver context whose
 *       parent is the context its run's create stored</td><td>webhook request</td>
 *       <td>{@code runflow webhook}</td></tr>
 * </table>
 */
public enum RunflowObservationDocumentation implements ObservationDocumentation {

    /** One HTTP attempt against the Runflow API. */
    CLIENT_REQUEST {
        @Override
        public String getName() {
            return DefaultRunflowClientRequestObservationConvention.NAME;
        }

        @Override
        public Class<? extends ObservationConvention<? extends Observation.Context>> getDefaultConvention() {
            return DefaultRunflowClientRequestObservationConvention.class;
        }

        @Override
        public KeyName[] getLowCardinalityKeyNames() {
            return ClientRequestKeys.values();
        }
    },

    /** One run, from its create to its end as the client learns it; each new status is an event. */
    RUN {
        @Override
        public String getName() {
            return DefaultRunflowRunObservationConvention.NAME;
        }

        @Override
        public Class<? extends ObservationConvention<? extends Observation.Context>> getDefaultConvention() {
            return DefaultRunflowRunObservationConvention.class;
        }

        @Override
        public KeyName[] getLowCardinalityKeyNames() {
            return RunKeys.values();
        }

        @Override
        public KeyName[] getHighCardinalityKeyNames() {
            return RunHighCardinalityKeys.values();
        }
    },

    /** One request to the webhook endpoint; the application's listeners run inside it. */
    WEBHOOK {
        @Override
        public String getName() {
            return DefaultRunflowWebhookObservationConvention.NAME;
        }

        @Override
        public Class<? extends ObservationConvention<? extends Observation.Context>> getDefaultConvention() {
            return DefaultRunflowWebhookObservationConvention.class;
        }

        @Override
        public KeyName[] getLowCardinalityKeyNames() {
            return WebhookKeys.values();
        }
    };

    /** The low-cardinality keys of {@code runflow.client.request}. */
    public enum ClientRequestKeys implements KeyName {
        /** The HTTP method, for example {@code POST}. */
        METHOD("method"),
        /** The path template, for example {@code /v1/runs/{id}}; never an id. */
        URI("uri"),
        /** The status answered, or {@code none} when no response came. */
        STATUS("status"),
        /** {@code SUCCESS}, {@code REDIRECTION}, {@code CLIENT_ERROR}, {@code SERVER_ERROR} or {@code UNKNOWN}. */
        OUTCOME("outcome"),
        /** {@code none}; the status for 4xx and 5xx; {@code connect}, {@code timeout} or {@code io} without a response. */
        ERROR_TYPE("error.type"),
        /** 1 for a call's first attempt, 2 for its first retry... */
        ATTEMPT("attempt");

        private final String key;

        ClientRequestKeys(String key) {
            this.key = key;
        }

        @Override
        public String asString() {
            return key;
        }
    }

    /** The low-cardinality keys of {@code runflow.run}. */
    public enum RunKeys implements KeyName {
        /** Always {@code generate_content} (GenAI semantic conventions). */
        GEN_AI_OPERATION_NAME("gen_ai.operation.name"),
        /** Always {@code image}. */
        GEN_AI_OUTPUT_TYPE("gen_ai.output.type"),
        /** Always {@code runflow}. */
        GEN_AI_PROVIDER_NAME("gen_ai.provider.name"),
        /** The model id, for example {@code runflow/flux-pro-ultra}. */
        GEN_AI_REQUEST_MODEL("gen_ai.request.model"),
        /** The last status seen, for example {@code succeeded}; {@code unknown} when none was. */
        STATUS("status"),
        /** What ended it: {@code poll}, {@code callback}, {@code known_state}, {@code deadline}, {@code caller}, {@code create_failed}, {@code untracked}. */
        ENDED_BY("ended_by");

        private final String key;

        RunKeys(String key) {
            this.key = key;
        }

        @Override
        public String asString() {
            return key;
        }
    }

    /** The high-cardinality keys of {@code runflow.run}. */
    public enum RunHighCardinalityKeys implements KeyName {
        /** The run id (GenAI semantic conventions' response id). */
        GEN_AI_RESPONSE_ID("gen_ai.response.id");

        private final String key;

        RunHighCardinalityKeys(String key) {
            this.key = key;
        }

        @Override
        public String asString() {
            return key;
        }
    }

    /** The low-cardinality keys of {@code runflow.webhook}. */
    public enum WebhookKeys implements KeyName {
        /** {@code delivered}, {@code duplicate}, {@code unauthorized}, {@code not_a_callback}, {@code too_large} or {@code failed}. */
        OUTCOME("outcome"),
        /** {@code run}, {@code batch}, or {@code none} for a rejected request. */
        KIND("kind"),
        /** The status answered, for example {@code 200}. */
        STATUS("status");

        private final String key;

        WebhookKeys(String key) {
            this.key = key;
        }

        @Override
        public String asString() {
            return key;
        }
    }
}
