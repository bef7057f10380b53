package io.runflow.testkit.internal.fake;

import io.runflow.testkit.FakeModel;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What {@code FakeRunflowServer.Builder} collected, checked there; the backend reads nothing else.
 * Not public API.
 *
 * @param port the port to bind, 0 for any
 * @param apiKey the one API key the server accepts
 * @param webhookSecret the signing secret current at start, or null for none
 * @param models the catalog, image sizes already applied
 * @param clock the base clock, or null for the mode's default
 * @param timeScale server seconds per base-clock second
 * @param deterministic whether time moves only through advance and ids come from counters
 * @param queued time in {@code queued}
 * @param dispatching time in {@code dispatching}
 * @param running time in {@code running}
 * @param maxRequestBodyBytes the largest request body accepted
 * @param callbackTimeout the timeout of one callback attempt
 * @param allowNonLoopbackCallbacks whether callbacks may leave the machine
 * @param journalCapacity how many requests the journal keeps
 */
public record FakeConfig(
        int port,
        String apiKey,
        String webhookSecret,
        List<FakeModel> models,
        Clock clock,
        double timeScale,
        boolean deterministic,
        Duration queued,
        Duration dispatching,
        Duration running,
        int maxRequestBodyBytes,
        Duration callbackTimeout,
        boolean allowNonLoopbackCallbacks,
        int journalCapacity) {

    /** Checks the required values and copies the catalog. */
    public FakeConfig {
        Objects.requireNonNull(apiKey, "apiKey");
        models = List.copyOf(models);
        Objects.requireNonNull(queued, "queued");
        Objects.requireNonNull(dispatching, "dispatching");
        Objects.requireNonNull(running, "running");
        Objects.requireNonNull(callbackTimeout, "callbackTimeout");
    }

    /** Shows neither the key nor the secret. */
    @Override
    public String toString() {
        return "FakeConfig[port=" + port + ", deterministic=" + deterministic + "]";
    }
}
