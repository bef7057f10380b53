package io.runflow.spring;

import io.runflow.webhook.CallbackReconciler;
import org.springframework.context.SmartLifecycle;

/**
 * Starts the {@link CallbackReconciler} once the context is refreshed (its first round runs at once,
 * so an application that was down catches up as it starts; its events then reach every
 * {@code @EventListener}) and stops it first at shutdown.
 */
final class ReconcilerLifecycle implements SmartLifecycle {

    private final CallbackReconciler reconciler;
    private volatile boolean running;

    ReconcilerLifecycle(CallbackReconciler reconciler) {
        this.reconciler = reconciler;
    }

    CallbackReconciler reconciler() {
        return reconciler;
    }

    @Override
    public void start() {
        reconciler.start();
        running = true;
    }

    @Override
    public void stop() {
        reconciler.close();
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public String toString() {
        return reconciler.toString();
    }
}
