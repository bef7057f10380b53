package io.runflow.spring;

import io.runflow.HealthCheck;
import java.util.function.Supplier;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/** The {@code runflow} indicator on Spring Boot 4 (module spring-boot-health); loaded only where its types exist. */
final class Boot4HealthIndicator implements HealthIndicator {

    private final Supplier<HealthCheck> check;

    /** {@code check} is asked for on the first health request, not as the context starts. */
    Boot4HealthIndicator(Supplier<HealthCheck> check) {
        this.check = check;
    }

    @Override
    public Health health() {
        HealthCheck.Result result = check.get().check();
        Health.Builder builder = result.up() ? Health.up() : Health.down().withDetail("error", result.error());
        return builder.withDetail("latencyMs", result.latency().toMillis())
                .withDetail("checkedAt", result.checkedAt().toString())
                .build();
    }
}
