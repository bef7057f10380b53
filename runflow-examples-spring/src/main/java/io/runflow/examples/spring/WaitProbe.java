package io.runflow.examples.spring;

import io.runflow.RunflowClient;
import io.runflow.webhook.RunCallback;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.event.EventListener;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * For runflow-reliability's waits run only ({@code images.wait-probe=true}): {@code POST
 * /probe/await/{id}} waits for a run with the client ({@code runs().awaitAsync}) and answers when the
 * wait ended ({@code {"ended": <epoch ms>, "status": ...}}); {@code GET /probe/callbacks} answers when
 * each callback reached this instance's listeners ({@code {"<run id>": <epoch ms>}}).
 */
@RestController
@ConditionalOnProperty("images.wait-probe")
class WaitProbe {

    private final RunflowClient runflow;
    private final Map<String, Long> callbacks = new ConcurrentHashMap<>();

    WaitProbe(RunflowClient runflow) {
        this.runflow = runflow;
    }

    @EventListener
    void on(RunCallback callback) {
        callbacks.putIfAbsent(callback.runId(), System.currentTimeMillis());
    }

    @PostMapping("/probe/await/{id}")
    CompletableFuture<Map<String, Object>> await(@PathVariable("id") String id) {
        return runflow.runs()
                .awaitAsync(id)
                .thenApply(run -> Map.of("ended", System.currentTimeMillis(), "status", run.statusCode()));
    }

    @GetMapping("/probe/callbacks")
    Map<String, Long> callbacks() {
        return new TreeMap<>(callbacks);
    }
}
