package io.runflow.micrometer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.runflow.RunflowObserver;
import java.util.Locale;
import java.util.Objects;

/**
 * Core's {@link RunflowObserver} events as Micrometer meters. The Spring Boot starter and the
 * Micronaut module register it when a {@link MeterRegistry} exists; plain Java code passes it to the
 * builders itself:
 *
 * <pre>{@code
 * RunflowMeters meters = new RunflowMeters(registry);
 * RunflowClient runflow = RunflowClient.builder().apiKey(key).observer(meters).build();
 * WebhookEndpoint endpoint = WebhookEndpoint.builder().verifier(verifier).observer(meters).build();
 * }</pre>
 *
 * <table>
 *   <caption>Meters</caption>
 *   <tr><th>name</th><th>type</th><th>tags</th></tr>
 *   <tr><td>{@value #CLIENT_REQUESTS}</td><td>timer, one per HTTP attempt</td>
 *       <td>{@code endpoint} (for example {@code GET /v1/runs/{id}}), {@code outcome} (the status, or
 *       {@code connect}, {@code timeout}, {@code io})</td></tr>
 *   <tr><td>{@value #CLIENT_RETRIES}</td><td>counter</td><td>{@code endpoint}, {@code reason}</td></tr>
 *   <tr><td>{@value #RUN_WAITS}</td><td>timer, one per wait</td>
 *       <td>{@code outcome} ({@code succeeded}, {@code failed}, {@code timed_out}...), {@code ended_by}
 *       ({@code poll}, {@code callback}, {@code deadline}...)</td></tr>
 *   <tr><td>{@value #RUN_WAIT_POLLS}</td><td>distribution summary of polls per wait</td>
 *       <td>{@code outcome}, {@code ended_by}</td></tr>
 *   <tr><td>{@value #WEBHOOK_CALLBACKS}</td><td>timer, one per webhook request</td>
 *       <td>{@code outcome} ({@code delivered}, {@code duplicate}, {@code unauthorized}...),
 *       {@code status}</td></tr>
 * </table>
 *
 * <p>Every tag value comes from a bounded set: no id, URL or secret ever becomes a tag. Thread-safe.
 */
public final class RunflowMeters implements RunflowObserver {

    /** Each HTTP attempt of the client. */
    public static final String CLIENT_REQUESTS = "runflow.client.requests";

    /** Each retry the client sleeps for. */
    public static final String CLIENT_RETRIES = "runflow.client.retries";

    /** Each wait for a run. */
    public static final String RUN_WAITS = "runflow.run.waits";

    /** The polls each wait made. */
    public static final String RUN_WAIT_POLLS = "runflow.run.wait.polls";

    /** Each request a webhook endpoint answered. */
    public static final String WEBHOOK_CALLBACKS = "runflow.webhook.callbacks";

    private final MeterRegistry registry;

    /**
     * Creates the meters' source; meters are registered as events arrive.
     *
     * @param registry where the meters go
     */
    public RunflowMeters(MeterRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    @Override
    public void onHttpAttempt(HttpAttempt attempt) {
        Timer.builder(CLIENT_REQUESTS)
                .description("HTTP attempts made to the Runflow API")
                .tag("endpoint", attempt.endpoint())
                .tag("outcome", attempt.outcome())
                .register(registry)
                .record(attempt.duration());
    }

    @Override
    public void onRetry(Retry retry) {
        Counter.builder(CLIENT_RETRIES)
                .description("Retries of failed Runflow API calls")
                .tag("endpoint", retry.endpoint())
                .tag("reason", retry.reason())
                .register(registry)
                .increment();
    }

    @Override
    public void onWait(Wait wait) {
        String outcome = tag(wait.outcome());
        String endedBy = tag(wait.endedBy());
        Timer.builder(RUN_WAITS)
                .description("Waits for Runflow runs to finish")
                .tag("outcome", outcome)
                .tag("ended_by", endedBy)
                .register(registry)
                .record(wait.duration());
        DistributionSummary.builder(RUN_WAIT_POLLS)
                .description("Polls each wait for a Runflow run made")
                .tag("outcome", outcome)
                .tag("ended_by", endedBy)
                .register(registry)
                .record(wait.polls());
    }

    @Override
    public void onWebhook(WebhookRequest request) {
        Timer.builder(WEBHOOK_CALLBACKS)
                .description("Requests answered by the Runflow webhook endpoint")
                .tag("outcome", tag(request.outcome()))
                .tag("status", Integer.toString(request.status()))
                .register(registry)
                .record(request.duration());
    }

    private static String tag(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return "RunflowMeters[" + registry.getClass().getSimpleName() + "]";
    }
}
