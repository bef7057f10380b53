package io.runflow.micronaut;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import io.runflow.webhook.CallbackReconciler;
import jakarta.inject.Singleton;

/**
 * Starts the {@link CallbackReconciler} once the application has started, so that its first round
 * (at once: an application that was down catches up as it starts) reaches every event listener.
 */
@Singleton
@Requires(beans = CallbackReconciler.class)
final class RunflowReconcilerStart implements ApplicationEventListener<StartupEvent> {

    private final CallbackReconciler reconciler;

    RunflowReconcilerStart(CallbackReconciler reconciler) {
        this.reconciler = reconciler;
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        reconciler.start();
    }
}
