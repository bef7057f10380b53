/**
 * Runflow in a Micronaut 4 application: add {@code io.runflow:runflow-micronaut}, set {@code
 * runflow.api-key}, and inject {@link io.runflow.RunflowClient}. With {@code runflow.webhook.secrets}
 * set, a controller at {@code runflow.webhook.path} (default {@code /runflow/webhook}) verifies
 * Runflow's callbacks and publishes each one once, as a {@link io.runflow.webhook.RunCallback} or a
 * {@link io.runflow.webhook.BatchCallback} event:
 *
 * <pre>{@code
 * @Singleton
 * class Renders {
 *     @EventListener
 *     void on(RunCallback callback) {
 *         // each run's callback once, after its signature verified
 *     }
 *
 *     @EventListener
 *     void on(BatchCallback callback) {
 *         // each batch's callback once
 *     }
 * }
 * }</pre>
 *
 * <p>Every key is in {@link io.runflow.micronaut.RunflowConfiguration}.
 */
package io.runflow.micronaut;
