package io.runflow.webhook;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * What a webhook endpoint answers: a status and a short JSON body that names the outcome and, for a
 * rejection, the reason, such as {@code {"outcome":"rejected","reason":"signature_mismatch"}}.
 * Nothing in it echoes the request. Adapters copy both into their framework's response with {@link
 * #CONTENT_TYPE}.
 *
 * @param status the HTTP status: 200, 400, 401, 413 or 500
 * @param body the JSON body
 */
public record WebhookResponse(int status, String body) {

    /** The content type of every body. */
    public static final String CONTENT_TYPE = "application/json";

    /** Checks the values. */
    public WebhookResponse {
        Objects.requireNonNull(body, "body");
    }

    /**
     * Returns the body as UTF-8 bytes, for frameworks that write bytes.
     *
     * @return the bytes
     */
    public byte[] bodyBytes() {
        return body.getBytes(StandardCharsets.UTF_8);
    }
}
