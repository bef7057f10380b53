package io.runflow.testkit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A snapshot of one callback delivery: the frozen payload, its signature, and every attempt so far.
 *
 * @param id the delivery id
 * @param runId the run it reports
 * @param callbackUrl where it is sent
 * @param payload the exact bytes sent (a copy)
 * @param signature the {@code Runflow-Signature} header, or null when no signing secret was current
 * @param signingSecretId the id of the secret that signed, or null
 * @param requestId the {@code Runflow-Request-Id} header sent with every attempt
 * @param automatic false for a delivery created through the redelivery endpoint
 * @param status {@code pending}, {@code succeeded} or {@code failed}
 * @param attempts the attempts, oldest first
 * @param createdAt when the delivery was created, on the server clock
 */
public record RecordedCallback(
        String id,
        String runId,
        String callbackUrl,
        byte[] payload,
        String signature,
        String signingSecretId,
        String requestId,
        boolean automatic,
        String status,
        List<RecordedCallbackAttempt> attempts,
        Instant createdAt) {

    /** Checks the required values and copies the payload and attempts. */
    public RecordedCallback {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(callbackUrl, "callbackUrl");
        payload = payload.clone();
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(status, "status");
        attempts = List.copyOf(attempts);
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /**
     * Returns the payload bytes.
     *
     * @return a copy of the bytes sent
     */
    @Override
    public byte[] payload() {
        return payload.clone();
    }

    /**
     * Returns the payload as UTF-8 text.
     *
     * @return the JSON body sent
     */
    public String payloadAsString() {
        return new String(payload, StandardCharsets.UTF_8);
    }

    /**
     * Tells whether an attempt got a 2xx answer.
     *
     * @return true once delivered
     */
    public boolean delivered() {
        return "succeeded".equals(status);
    }

    /** Shows id, run, status and attempt count; never the payload or signature. */
    @Override
    public String toString() {
        return "RecordedCallback[id=" + id + ", runId=" + runId + ", status=" + status + ", attempts=" + attempts.size()
                + "]";
    }
}
