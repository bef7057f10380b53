package io.runflow.spring;

import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches when {@code runflow.webhook.secrets} is set in any form ({@code secrets=a,b}, {@code
 * secrets[0]=a}, {@code RUNFLOW_WEBHOOK_SECRETS}), blank included, so that a blank secret fails
 * start-up instead of silently leaving the endpoint out.
 */
final class OnWebhookSecretsCondition extends SpringBootCondition {

    static final String PROPERTY = "runflow.webhook.secrets";

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        boolean set = context.getEnvironment().containsProperty(PROPERTY)
                || Binder.get(context.getEnvironment())
                        .bind(PROPERTY, Bindable.listOf(String.class))
                        .map(List::size)
                        .isBound();
        return set
                ? ConditionOutcome.match(PROPERTY + " is set")
                : ConditionOutcome.noMatch(PROPERTY + " is not set, so there is no webhook endpoint");
    }
}
