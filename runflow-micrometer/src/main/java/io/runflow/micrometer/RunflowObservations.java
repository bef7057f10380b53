package io.runflow.micrometer;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.runflow.RunflowObserver;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Core's start/stop hook as Micrometer Observations: {@code runflow.client.request}, {@code
 * runflow.run} and {@code runflow.webhook} (see {@link RunflowObservationDocumentation}). With a
 * tracer (micrometer-tracing), each HTTP attempt sends {@code traceparent}, each run's create stores
 * its trace context in the run's metadata, and the run's verified callback continues that trace.
 * The Spring Boot starter and the Micronaut module register it when an {@link ObservationRegistry}
 * exists; plain Java code passes it to the builders itself:
 *
 * <pre>{@code
 * RunflowObservations observations = RunflowObservations.builder().registry(registry).build();
 * RunflowClient runflow = RunflowClient.builder().apiKey(key).observer(observations).build();
 * WebhookEndpoint endpoint = WebhookEndpoint.builder().verifier(verifier).observer(observations).build();
 * }</pre>
 *
 * <p>With {@link ObservationRegistry#NOOP} (the default) it does nothing. Thread-safe.
 */
public final class RunflowObservations implements RunflowObserver {

    private static final DefaultRunflowClientRequestObservationConvention CLIENT_REQUEST =
            new DefaultRunflowClientRequestObservationConvention();
    private static final DefaultRunflowRunObservationConvention RUN = new DefaultRunflowRunObservationConvention();
    private static final DefaultRunflowWebhookObservationConvention WEBHOOK =
            new DefaultRunflowWebhookObservationConvention();

    private final ObservationRegistry registry;
    private final RunflowClientRequestObservationConvention clientRequestConvention;
    private final RunflowRunObservationConvention runConvention;
    private final RunflowWebhookObservationConvention webhookConvention;

    private RunflowObservations(Builder builder) {
        this.registry = builder.registry;
        this.clientRequestConvention = builder.clientRequestConvention;
        this.runConvention = builder.runConvention;
        this.webhookConvention = builder.webhookConvention;
    }

    /**
     * Starts a configuration.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public Work<HttpAttempt> startHttpAttempt(HttpStart start) {
        if (registry.isNoop()) {
            return Work.none();
        }
        RunflowClientRequestContext context = new RunflowClientRequestContext(start);
        Observation observation = RunflowObservationDocumentation.CLIENT_REQUEST
                .observation(clientRequestConvention, CLIENT_REQUEST, () -> context, registry)
                .start();
        return new ObservationWork<>(observation, context::setResponse, null);
    }

    @Override
    public Work<RunEnd> startRun(RunStart start) {
        if (registry.isNoop()) {
            return Work.none();
        }
        RunflowRunContext context = new RunflowRunContext(start);
        Observation observation = RunflowObservationDocumentation.RUN
                .observation(runConvention, RUN, () -> context, registry)
                .start();
        return new ObservationWork<>(observation, context::setEnd, "runflow.run.status.");
    }

    @Override
    public Work<WebhookRequest> startWebhook(WebhookStart start) {
        if (registry.isNoop()) {
            return Work.none();
        }
        RunflowWebhookContext context = new RunflowWebhookContext(start);
        Observation observation = RunflowObservationDocumentation.WEBHOOK
                .observation(webhookConvention, WEBHOOK, () -> context, registry)
                .start();
        return new ObservationWork<>(observation, context::setRequest, null);
    }

    @Override
    public String toString() {
        return "RunflowObservations[" + registry.getClass().getSimpleName() + "]";
    }

    /** One started observation, stopped at the work's end. */
    private static final class ObservationWork<E> implements Work<E> {
        private final Observation observation;
        private final Consumer<E> onEnd;
        private final String eventPrefix;

        ObservationWork(Observation observation, Consumer<E> onEnd, String eventPrefix) {
            this.observation = observation;
            this.onEnd = onEnd;
            this.eventPrefix = eventPrefix;
        }

        @Override
        public Scope makeCurrent() {
            Observation.Scope scope = observation.openScope();
            return scope::close;
        }

        @Override
        public void event(String name) {
            if (eventPrefix != null) {
                observation.event(Observation.Event.of(eventPrefix + name, "status " + name));
            }
        }

        @Override
        public void error(Throwable error) {
            observation.error(error);
        }

        @Override
        public void end(E result) {
            onEnd.accept(result);
            observation.stop();
        }
    }

    /** Configures {@link RunflowObservations}. */
    public static final class Builder {
        private ObservationRegistry registry = ObservationRegistry.NOOP;
        private RunflowClientRequestObservationConvention clientRequestConvention;
        private RunflowRunObservationConvention runConvention;
        private RunflowWebhookObservationConvention webhookConvention;

        private Builder() {}

        /**
         * Sets where the observations go.
         *
         * @param registry the registry; default {@link ObservationRegistry#NOOP}, which observes nothing
         * @return this builder
         */
        public Builder registry(ObservationRegistry registry) {
            this.registry = Objects.requireNonNull(registry, "registry");
            return this;
        }

        /**
         * Replaces the default convention of {@code runflow.client.request}.
         *
         * @param convention the convention; default the registry's global one for the context, else
         *     {@link DefaultRunflowClientRequestObservationConvention}
         * @return this builder
         */
        public Builder clientRequestConvention(RunflowClientRequestObservationConvention convention) {
            this.clientRequestConvention = Objects.requireNonNull(convention, "convention");
            return this;
        }

        /**
         * Replaces the default convention of {@code runflow.run}.
         *
         * @param convention the convention; default the registry's global one for the context, else
         *     {@link DefaultRunflowRunObservationConvention}
         * @return this builder
         */
        public Builder runConvention(RunflowRunObservationConvention convention) {
            this.runConvention = Objects.requireNonNull(convention, "convention");
            return this;
        }

        /**
         * Replaces the default convention of {@code runflow.webhook}.
         *
         * @param convention the convention; default the registry's global one for the context, else
         *     {@link DefaultRunflowWebhookObservationConvention}
         * @return this builder
         */
        public Builder webhookConvention(RunflowWebhookObservationConvention convention) {
            this.webhookConvention = Objects.requireNonNull(convention, "convention");
            return this;
        }

        /**
         * Builds the observer.
         *
         * @return the observer, for {@code RunflowClient.builder().observer(..)} and {@code
         *     WebhookEndpoint.builder().observer(..)}
         */
        public RunflowObservations build() {
            return new RunflowObservations(this);
        }
    }
}
