package io.runflow.examples.spring;

import io.runflow.RunflowClient;
import io.runflow.catalog.FluxProUltra;
import io.runflow.model.Run;
import io.runflow.spring.RunflowProperties;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * {@code POST /images} starts a run whose callback comes back here; {@code GET /images/{id}} shows it.
 * A client's mistake is a 400 or 404 with a one-line JSON error, never a stack trace.
 */
@RestController
public class ImagesController {

    private final RunflowClient runflow;
    private final Images images;
    private final String callbackUrl;
    private final String webhookPath;

    ImagesController(
            RunflowClient runflow,
            Images images,
            @Value("${images.callback-url:}") String callbackUrl,
            RunflowProperties properties) {
        this.runflow = runflow;
        this.images = images;
        this.callbackUrl = callbackUrl;
        this.webhookPath = properties.webhookSettings().path();
    }

    @PostMapping("/images")
    ResponseEntity<?> create(@RequestBody Map<String, Object> body) {
        FluxProUltra.Input input;
        try {
            input = FluxProUltra.input(body);
        } catch (IllegalArgumentException e) {
            return error(HttpStatus.BAD_REQUEST, e.getMessage());
        }
        Run run = runflow.runs().create(input.toRequest().withCallbackUrl(callbackUrl()));
        images.created(run);
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .body(images.find(run.id()).orElseThrow());
    }

    @GetMapping("/images/{id}")
    ResponseEntity<?> show(@PathVariable("id") String id) {
        return images.find(id)
                .<ResponseEntity<?>>map(ResponseEntity::ok)
                .orElseGet(() -> error(HttpStatus.NOT_FOUND, "no image " + id));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<?> unreadable() {
        return error(HttpStatus.BAD_REQUEST, "the body must be a JSON object such as {\"prompt\":\"a fox\"}");
    }

    private static ResponseEntity<Map<String, String>> error(HttpStatus status, String message) {
        return ResponseEntity.status(status).body(Map.of("error", message));
    }

    private String callbackUrl() {
        return callbackUrl.isBlank()
                ? ServletUriComponentsBuilder.fromCurrentContextPath().toUriString() + webhookPath
                : callbackUrl;
    }
}
