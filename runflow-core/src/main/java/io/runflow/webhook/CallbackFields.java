package io.runflow.webhook;

import io.runflow.model.RunStatus;

/** What {@link RunCallback} and {@link BatchCallback} build alike. */
final class CallbackFields {

    private CallbackFields() {}

    static void requireEvent(CallbackEvent event, String eventName) {
        if (event == null && eventName == null) {
            throw new IllegalStateException("eventName is required");
        }
    }

    /** The status as given, else the one the raw status names, else the one the event stands for. */
    static RunStatus status(RunStatus status, String statusCode, CallbackEvent event) {
        if (status != null) {
            return status;
        }
        return statusCode != null ? RunStatus.from(statusCode) : event.impliedStatus();
    }
}
