package io.runflow.benchmarks.webhook.spring;

import io.runflow.webhook.RunCallback;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** The application's one listener: counts the run callbacks the starter delivered. */
@Component
class DeliveredCallbacks {

    private final AtomicLong count = new AtomicLong();

    @EventListener
    void on(RunCallback callback) {
        count.incrementAndGet();
    }

    long count() {
        return count.get();
    }
}
