package io.runflow.micronaut;

import io.micronaut.context.BeanContext;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import io.micronaut.context.exceptions.ConfigurationException;
import io.runflow.SettingProblem;
import io.runflow.webhook.DedupKind;
import io.runflow.webhook.WebhookSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * Checks the configuration when the context starts, so that a missing API key or a blank secret
 * stops the application with one line naming the key, not at the first request. The checks are
 * core's ({@link io.runflow.ClientSettings}, {@link WebhookSettings}); this renders them. It builds
 * nothing: the client and the webhook beans stay lazy.
 */
@Context
@Requires(property = RunflowConfiguration.ENABLED, notEquals = "false")
final class RunflowStartupCheck {

    RunflowStartupCheck(RunflowConfiguration config, Environment environment, BeanContext context) {
        List<SettingProblem> problems = new ArrayList<>(config.clientSettings().problems());
        if (environment.containsProperty(RunflowConfiguration.WEBHOOK_SECRETS)) {
            WebhookSettings webhook = config.webhookSettings();
            problems.addAll(webhook.problems());
            if (webhook.dedup() == DedupKind.JDBC && !context.containsBean(DataSource.class)) {
                problems.add(new SettingProblem(
                        RunflowConfiguration.WEBHOOK_DEDUP,
                        "runflow.webhook.dedup=jdbc needs a javax.sql.DataSource bean, and the application has none.",
                        "Add one (for example micronaut-jdbc-hikari with datasources.default.*), replace the"
                                + " CallbackDeduplicator bean, or set runflow.webhook.dedup=memory."));
            }
        }
        failIfAny(problems);
    }

    /** One line for all problems: Micronaut shows the message of the configuration error. */
    static void failIfAny(List<SettingProblem> problems) {
        if (!problems.isEmpty()) {
            throw new ConfigurationException(
                    problems.stream().map(SettingProblem::message).collect(Collectors.joining(" ")));
        }
    }
}
