package io.runflow.feign;

import feign.Feign;

/**
 * Adjusts the {@link Feign.Builder} after the SDK has configured it, to keep Feign's own extension
 * points: another {@link feign.Client}, a {@link feign.Capability} such as feign-micrometer's, extra
 * {@link feign.RequestInterceptor}s, or a log level.
 *
 * <pre>{@code
 * RunflowClient runflow = RunflowClient.builder()
 *         .apiKey(key)
 *         .transport(RunflowFeign.transport(builder -> builder
 *                 .addCapability(new MicrometerCapability(registry))
 *                 .logLevel(Logger.Level.HEADERS)))   // feign.Logger
 *         .build();
 * }</pre>
 *
 * <p>What the SDK set can be replaced, at the caller's risk: a replaced {@code logger} no longer
 * redacts the {@code Authorization} header and webhook secrets, a replaced {@code retryer}, {@code
 * decoder} or {@code errorDecoder} no longer yields the SDK's typed exceptions.
 */
@FunctionalInterface
public interface FeignCustomizer {

    /**
     * Changes the builder in place.
     *
     * @param builder the builder, already configured by the SDK
     */
    void customize(Feign.Builder builder);
}
