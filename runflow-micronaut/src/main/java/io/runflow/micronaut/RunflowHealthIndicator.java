package io.runflow.micronaut;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.scheduling.TaskExecutors;
import io.runflow.HealthCheck;
import io.runflow.RunflowClient;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import org.reactivestreams.Publisher;

/**
 * The {@code runflow} health indicator: core's {@link HealthCheck} ({@code GET /v1/health}, short
 * timeout, cached), run on the blocking executor so a slow API never holds an event loop. Present
 * when micronaut-management is, unless {@code runflow.health.enabled=false}.
 */
@Singleton
@Requires(classes = HealthIndicator.class)
@Requires(property = RunflowConfiguration.ENABLED, notEquals = "false")
@Requires(property = RunflowConfiguration.HEALTH_ENABLED, notEquals = "false")
@Requires(beans = RunflowClient.class)
final class RunflowHealthIndicator implements HealthIndicator {

    static final String NAME = "runflow";

    private final HealthCheck check;
    private final ExecutorService executor;

    RunflowHealthIndicator(RunflowClient client, @Named(TaskExecutors.BLOCKING) ExecutorService executor) {
        this.check = HealthCheck.builder(client).build();
        this.executor = executor;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        return Publishers.fromCompletableFuture(
                () -> CompletableFuture.supplyAsync(check::check, executor).thenApply(RunflowHealthIndicator::result));
    }

    private static HealthResult result(HealthCheck.Result result) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("latencyMs", result.latency().toMillis());
        details.put("checkedAt", result.checkedAt().toString());
        if (!result.up()) {
            details.put("error", result.error());
        }
        return HealthResult.builder(NAME, result.up() ? HealthStatus.UP : HealthStatus.DOWN)
                .details(details)
                .build();
    }
}
