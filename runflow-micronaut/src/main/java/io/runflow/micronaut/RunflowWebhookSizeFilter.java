package io.runflow.micronaut;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.runflow.webhook.WebhookEndpoint;
import io.runflow.webhook.WebhookResponse;
import io.runflow.webhook.WebhookSettings;

/**
 * Answers 413 to a callback whose declared {@code Content-Length} is over {@code
 * runflow.webhook.max-body-size} as soon as its headers arrive, before the controller buffers the
 * body, as the Spring routes do.
 */
@ServerFilter("${" + RunflowConfiguration.WEBHOOK_PATH + ":" + WebhookSettings.DEFAULT_PATH + "}")
@Requires(property = RunflowConfiguration.ENABLED, notEquals = "false")
@Requires(property = RunflowConfiguration.WEBHOOK_SECRETS)
@Requires(beans = WebhookEndpoint.class)
final class RunflowWebhookSizeFilter {

    private final WebhookEndpoint endpoint;

    RunflowWebhookSizeFilter(WebhookEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    @RequestFilter
    @Nullable
    HttpResponse<byte[]> refuseDeclaredTooLarge(HttpRequest<?> request) {
        if (request.getMethod() != HttpMethod.POST || request.getContentLength() <= endpoint.maxBodySize()) {
            return null;
        }
        WebhookResponse response = endpoint.tooLarge();
        return HttpResponse.<byte[]>status(HttpStatus.valueOf(response.status()))
                .contentType(WebhookResponse.CONTENT_TYPE)
                .body(response.bodyBytes());
    }
}
