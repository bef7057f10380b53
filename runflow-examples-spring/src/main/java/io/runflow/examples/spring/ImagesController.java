package io.runflow.examples.spring;

import io.runflow.RunflowClient;
import io.runflow.catalog.FluxProUltra;
import io.runflow.model.Run;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** {@code POST /images} starts a run whose callback comes back here; {@code GET /images/{id}} shows it. */
@RestController
public class ImagesController {

    /**
     * What to draw.
     *
     * @param prompt the prompt
     * @param seed the seed, or null for a random one
     */
    public record ImageRequest(String prompt, Long seed) {}

    private final RunflowClient runflow;
    private final Images images;
    private final String callbackBaseUrl;
    private final String webhookPath;

    ImagesController(
            RunflowClient runflow,
            Images images,
            @Value("${images.callback-base-url:}") String callbackBaseUrl,
            @Value("${runflow.webhook.path:/runflow/webhook}") String webhookPath) {
        this.runflow = runflow;
        this.images = images;
        this.callbackBaseUrl = callbackBaseUrl;
        this.webhookPath = webhookPath;
    }

    @PostMapping("/images")
    ResponseEntity<Images.Image> create(@RequestBody ImageRequest request) {
        FluxProUltra.Input input = FluxProUltra.input(request.prompt());
        if (request.seed() != null) {
            input = input.seed(request.seed());
        }
        Run run = runflow.runs().create(input.toRequest().withCallbackUrl(callbackUrl()));
        images.created(run);
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .body(images.find(run.id()).orElseThrow());
    }

    @GetMapping("/images/{id}")
    ResponseEntity<Images.Image> show(@PathVariable("id") String id) {
        return ResponseEntity.of(images.find(id));
    }

    private String callbackUrl() {
        String base = callbackBaseUrl.isBlank()
                ? ServletUriComponentsBuilder.fromCurrentContextPath().toUriString()
                : callbackBaseUrl;
        return base + webhookPath;
    }
}
