package io.runflow.testkit.internal.http;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * A fault as the dispatcher applies it, made from a public {@code Fault}. Not public API.
 *
 * @param kind what the fault does
 * @param status the status of a {@link Kind#RESPOND} fault, else 0
 * @param contentType the content type of a {@link Kind#RESPOND} fault's body, else null
 * @param body the body of a {@link Kind#RESPOND} fault, else empty
 * @param headers the headers of a {@link Kind#RESPOND} fault
 * @param delay the real-time wait of a {@link Kind#DELAY} fault, the body's duration of a {@link
 *     Kind#SLOW_BODY} fault, else zero
 * @param size the body size of an {@link Kind#OVERSIZED_BODY} fault, else 0
 * @param times how many matching requests it applies to, at least 1
 * @param pathPrefix the path prefix it applies to, or null for any path
 */
public record FaultRule(
        Kind kind,
        int status,
        String contentType,
        byte[] body,
        Map<String, String> headers,
        Duration delay,
        long size,
        int times,
        String pathPrefix) {

    /** What a fault does to a request. */
    public enum Kind {
        /** Answers with the rule's status, headers and body; the request is not handled. */
        RESPOND,
        /** Waits, then handles the request normally. */
        DELAY,
        /** Closes the connection; the request is not handled. */
        RESET,
        /** Handles the request, then closes the connection instead of answering. */
        ACCEPT_THEN_DROP,
        /** Handles the request, sends its status and headers and half its body, then closes the connection. */
        TRUNCATED_BODY,
        /** Handles the request, sends its status and headers at once and trickles the body over the delay. */
        SLOW_BODY,
        /** Handles the request and streams its answer padded with whitespace to the rule's size. */
        OVERSIZED_BODY
    }

    /** Checks the values and copies the body and headers. */
    public FaultRule {
        Objects.requireNonNull(kind, "kind");
        body = body == null ? new byte[0] : body.clone();
        headers = Map.copyOf(headers);
        Objects.requireNonNull(delay, "delay");
    }

    /**
     * Returns the body of a status fault.
     *
     * @return a copy of the bytes
     */
    @Override
    public byte[] body() {
        return body.clone();
    }

    boolean matches(String requestPath) {
        return pathPrefix == null || requestPath.startsWith(pathPrefix);
    }
}
