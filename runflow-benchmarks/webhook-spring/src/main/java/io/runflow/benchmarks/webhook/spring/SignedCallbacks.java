package io.runflow.benchmarks.webhook.spring;

import io.runflow.webhook.WebhookSigner;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Signed {@code run.completed} callbacks of exactly 2 KiB, each with a run id of its own (so each is
 * a first delivery), the same shape as P2's callback.
 */
final class SignedCallbacks {

    static final int SIZE = 2048;

    /** One callback: its body and its {@code Runflow-Signature}. */
    record Signed(byte[] body, String signature) {}

    private final WebhookSigner signer = WebhookSigner.of(WebhookApp.SECRET);
    private final long prefix;
    private long next;

    /**
     * @param prefix tells apart the run ids of several runs on one database
     */
    SignedCallbacks(long prefix) {
        this.prefix = prefix;
    }

    Signed next() {
        byte[] body = callbackOf(runId(prefix, next++), SIZE);
        return new Signed(body, signer.sign(body));
    }

    /** A UUID-shaped run id, unique per (prefix, sequence). */
    static String runId(long prefix, long sequence) {
        String hex = String.format(Locale.ROOT, "%08x%024x", prefix & 0xffffffffL, sequence);
        return hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16) + "-"
                + hex.substring(16, 20) + "-" + hex.substring(20, 32);
    }

    /** A {@code run.completed} callback padded with metadata to exactly {@code size} bytes. */
    static byte[] callbackOf(String runId, int size) {
        String head = "{\"event\":\"run.completed\",\"run_id\":\"" + runId + "\","
                + "\"status\":\"succeeded\",\"output\":{\"outputs\":[{\"url\":"
                + "\"https://cdn.runflow.io/outputs/0190f3a2/0.jpg\",\"type\":\"image\",\"width\":2752,"
                + "\"height\":1536,\"content_type\":\"image/jpeg\"}],\"seed\":42,\"timing\":{\"inference_ms\":8123},"
                + "\"nsfw_detected\":false},\"duration_ms\":9120,\"created_at\":\"2025-06-01T10:15:30.123456+00:00\","
                + "\"completed_at\":\"2025-06-01T10:15:39.243456+00:00\",\"metadata\":{\"note\":\"";
        String tail = "\"}}";
        int padding = size - head.length() - tail.length();
        if (padding < 0) {
            throw new IllegalArgumentException("size too small: " + size);
        }
        return (head + "x".repeat(padding) + tail).getBytes(StandardCharsets.UTF_8);
    }
}
