package io.runflow.examples.micronaut;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.runflow.RunflowClient;
import io.runflow.catalog.FluxProUltra;
import io.runflow.micronaut.RunflowConfiguration;
import io.runflow.model.Run;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code POST /images} asks for an image, {@code GET /images/{id}} shows how it is going. A client's
 * mistake is a 400 or 404 with a one-line JSON error, never a stack trace.
 */
@Controller("/images")
@ExecuteOn(TaskExecutors.BLOCKING)
final class ImagesController {

    /** Where Runflow sends callbacks; default this application's own webhook URL. */
    static final String CALLBACK_URL = "images.callback-url";

    private final RunflowClient runflow;
    private final ImageStore store;
    private final EmbeddedServer server;
    private final String webhookPath;
    private final Optional<String> callbackUrl;

    ImagesController(
            RunflowClient runflow,
            ImageStore store,
            EmbeddedServer server,
            RunflowConfiguration config,
            @Value("${" + CALLBACK_URL + ":}") Optional<String> callbackUrl) {
        this.runflow = runflow;
        this.store = store;
        this.server = server;
        this.webhookPath = config.webhookSettings().path();
        this.callbackUrl = callbackUrl.filter(url -> !url.isBlank());
    }

    @Post
    HttpResponse<Map<String, Object>> create(@Body Map<String, Object> body) {
        FluxProUltra.Input input;
        try {
            input = FluxProUltra.input(body);
        } catch (IllegalArgumentException e) {
            return HttpResponse.badRequest(Map.of("error", e.getMessage()));
        }
        URI callback =
                callbackUrl.map(URI::create).orElseGet(() -> server.getURI().resolve(webhookPath));
        Run run = runflow.runs().create(input.toRequest().withCallbackUrl(callback));
        store.requested(run, input.prompt());
        return HttpResponse.accepted().body(view(store.find(run.id()).orElseThrow()));
    }

    @Get("/{id}")
    HttpResponse<Map<String, Object>> show(String id) {
        return store.find(id)
                .map(image -> HttpResponse.ok(view(image)))
                .orElseGet(() -> HttpResponse.notFound(Map.of("error", "no image " + id)));
    }

    private static Map<String, Object> view(ImageStore.Image image) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", image.id());
        view.put("prompt", image.prompt());
        view.put("status", image.status());
        if (image.url() != null) {
            view.put("url", image.url());
        }
        return view;
    }
}
