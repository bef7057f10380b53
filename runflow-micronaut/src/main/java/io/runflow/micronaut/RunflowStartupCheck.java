package io.runflow.micronaut;

import io.micronaut.context.BeanContext;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import io.micronaut.context.exceptions.ConfigurationException;
import javax.sql.DataSource;

/**
 * Checks the configuration when the context starts, so that a missing API key or a blank secret
 * stops the application with one message naming the key, not at the first request. It builds
 * nothing: the client and the webhook beans stay lazy.
 */
@Context
@Requires(property = RunflowConfiguration.ENABLED, notEquals = "false")
final class RunflowStartupCheck {

    RunflowStartupCheck(RunflowConfiguration config, Environment environment, BeanContext context) {
        RunflowSettings.clientBuilder(config);
        if (environment.containsProperty(RunflowConfiguration.WEBHOOK_SECRETS)) {
            RunflowSettings.verifier(config);
            if (config.getWebhook().getDedup() == RunflowConfiguration.Dedup.JDBC
                    && !context.containsBean(DataSource.class)) {
                throw new ConfigurationException(
                        RunflowConfiguration.WEBHOOK_DEDUP + "=jdbc needs a javax.sql.DataSource"
                                + " bean (for example micronaut-jdbc-hikari with datasources.default.*): add one, or set "
                                + RunflowConfiguration.WEBHOOK_DEDUP + "=memory");
            }
        }
    }
}
