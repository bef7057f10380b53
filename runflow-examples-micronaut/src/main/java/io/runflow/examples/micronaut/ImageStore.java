package io.runflow.examples.micronaut;

import io.micronaut.runtime.event.annotation.EventListener;
import io.runflow.model.Run;
import io.runflow.webhook.RunCallback;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The images this application asked for, completed by Runflow's callbacks. */
@Singleton
final class ImageStore {

    /** What the application knows of one image. */
    record Image(String id, String prompt, String status, String url) {}

    private final Map<String, Image> images = new ConcurrentHashMap<>();

    void requested(Run run, String prompt) {
        images.put(run.id(), new Image(run.id(), prompt, run.status().value(), null));
    }

    Optional<Image> find(String id) {
        return Optional.ofNullable(images.get(id));
    }

    // snippet:start micronaut-listener
    /** Each run's callback arrives here once, after its signature verified. */
    @EventListener
    void on(RunCallback callback) {
        String url = callback.output() == null || callback.output().outputs().isEmpty()
                ? null
                : callback.output().outputs().get(0).url();
        images.compute(
                callback.runId(),
                (id, known) -> new Image(
                        id,
                        known == null ? null : known.prompt(),
                        callback.status().value(),
                        url));
    }
    // snippet:end micronaut-listener
}
