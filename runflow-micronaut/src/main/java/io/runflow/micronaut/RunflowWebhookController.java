package io.runflow.micronaut;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.runflow.webhook.WebhookEndpoint;
import io.runflow.webhook.WebhookResponse;
import io.runflow.webhook.WebhookSettings;

/**
 * Runflow's callbacks at {@code runflow.webhook.path}: the raw body and the headers go to core's
 * {@link WebhookEndpoint}, which verifies, de-duplicates and publishes; its answer goes back as it
 * is. Runs on the blocking executor, since listeners may block. Micronaut refuses bodies over {@code
 * micronaut.server.max-request-size} (10 MB by default) before this is called; a declared length over
 * {@code runflow.webhook.max-body-size} is answered 413 by {@link RunflowWebhookSizeFilter} before the
 * body is read, and the endpoint answers 413 to a longer body sent without a length.
 */
@Controller("${" + RunflowConfiguration.WEBHOOK_PATH + ":" + WebhookSettings.DEFAULT_PATH + "}")
@Requires(property = RunflowConfiguration.ENABLED, notEquals = "false")
@Requires(property = RunflowConfiguration.WEBHOOK_SECRETS)
@Requires(beans = WebhookEndpoint.class)
final class RunflowWebhookController {

    private final WebhookEndpoint endpoint;

    RunflowWebhookController(WebhookEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    @Post(consumes = MediaType.ALL, produces = WebhookResponse.CONTENT_TYPE)
    @ExecuteOn(TaskExecutors.BLOCKING)
    HttpResponse<byte[]> receive(@Body byte[] body, HttpHeaders headers) {
        WebhookResponse response = endpoint.handle(body, headers::get);
        return HttpResponse.<byte[]>status(HttpStatus.valueOf(response.status()))
                .contentType(WebhookResponse.CONTENT_TYPE)
                .body(response.bodyBytes());
    }
}
