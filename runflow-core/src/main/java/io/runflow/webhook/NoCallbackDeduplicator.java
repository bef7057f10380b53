package io.runflow.webhook;

/** {@link CallbackDeduplicator#none()}: every delivery is a first one. */
final class NoCallbackDeduplicator implements CallbackDeduplicator {

    static final NoCallbackDeduplicator INSTANCE = new NoCallbackDeduplicator();

    private NoCallbackDeduplicator() {}

    @Override
    public boolean firstDelivery(Callback callback) {
        return true;
    }

    @Override
    public void release(Callback callback) {}

    @Override
    public String toString() {
        return "CallbackDeduplicator.none()";
    }
}
