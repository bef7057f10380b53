package io.runflow.examples.spring;

import io.runflow.model.OutputFile;
import io.runflow.model.Run;
import io.runflow.webhook.RunCallback;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** What the application knows of its images: their runs as created, then as their callbacks report. */
@Component
public class Images {

    /**
     * One image.
     *
     * @param id the run id
     * @param status the run's status
     * @param url the output's URL once the run succeeded, else null
     */
    public record Image(String id, String status, String url) {}

    private final Map<String, Image> images = new ConcurrentHashMap<>();

    void created(Run run) {
        images.putIfAbsent(run.id(), new Image(run.id(), run.statusCode(), null));
    }

    Optional<Image> find(String id) {
        return Optional.ofNullable(images.get(id));
    }

    // snippet:start spring-listener
    /** The starter publishes each verified callback once; this keeps its result. */
    @EventListener
    void on(RunCallback callback) {
        String url = callback.output() == null
                ? null
                : callback.output().outputs().stream()
                        .findFirst()
                        .map(OutputFile::url)
                        .orElse(null);
        images.put(callback.runId(), new Image(callback.runId(), callback.statusCode(), url));
    }
    // snippet:end spring-listener
}
