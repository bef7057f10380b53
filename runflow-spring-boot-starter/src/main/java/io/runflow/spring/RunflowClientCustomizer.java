package io.runflow.spring;

import io.runflow.RunflowClient;

/**
 * Adjusts the auto-configured {@link RunflowClient} before it is built, after the {@code runflow.*}
 * properties are applied. Customizer beans run in {@link org.springframework.core.annotation.Order}
 * order.
 *
 * <pre>{@code
 * @Bean
 * RunflowClientCustomizer slowerPolls() {
 *     return builder -> builder.pollPolicy(PollPolicy.builder().maxInterval(Duration.ofSeconds(10)).build());
 * }
 * }</pre>
 */
@FunctionalInterface
public interface RunflowClientCustomizer {

    /**
     * Customizes the builder.
     *
     * @param builder the builder, with the properties applied
     */
    void customize(RunflowClient.Builder builder);
}
