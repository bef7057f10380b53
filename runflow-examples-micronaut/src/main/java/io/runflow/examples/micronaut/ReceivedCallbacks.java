package io.runflow.examples.micronaut;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.runtime.event.annotation.EventListener;
import io.runflow.webhook.RunCallback;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * How many callbacks reached this application's listeners, per run: {@code GET /callbacks} answers
 * {@code {"<run id>": 1, ...}}. The module de-duplicates repeated deliveries, so each run counts 1;
 * with {@code runflow.webhook.dedup=jdbc} that holds across every instance sharing the database
 * (runflow-reliability's load test adds these counts up over the instances).
 */
@Controller("/callbacks")
final class ReceivedCallbacks {

    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

    @EventListener
    void on(RunCallback callback) {
        counts.computeIfAbsent(callback.runId(), id -> new LongAdder()).increment();
    }

    @Get
    Map<String, Long> counts() {
        Map<String, Long> view = new TreeMap<>();
        counts.forEach((runId, count) -> view.put(runId, count.sum()));
        return view;
    }
}
