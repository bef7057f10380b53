package io.runflow.feign;

import feign.Capability;
import feign.Client;
import io.runflow.RunflowObserver;

/**
 * Wraps whichever {@link Client} the Feign builder ends up with, the customizer's own included, so
 * that each attempt reaches the options' {@link RunflowObserver}. {@link RunflowFeign} installs it
 * when an observer is set.
 *
 * <p>Public only because Feign calls capabilities reflectively; it cannot be created outside this
 * package.
 */
public final class ObservingCapability implements Capability {

    private final RunflowObserver observer;

    ObservingCapability(RunflowObserver observer) {
        this.observer = observer;
    }

    /**
     * Returns the client, reporting each attempt it makes.
     *
     * @param client the client the builder has
     * @return the observed client
     */
    @Override
    public Client enrich(Client client) {
        return new ObservedClient(client, observer);
    }
}
