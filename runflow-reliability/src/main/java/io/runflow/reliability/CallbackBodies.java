package io.runflow.reliability;

import java.nio.charset.StandardCharsets;

/** Run callback bodies as Runflow sends them (runflow-api.md §6.2), built from a run id. */
final class CallbackBodies {

    private CallbackBodies() {}

    static byte[] succeeded(String runId, int n) {
        return json(runId, "run.completed", "succeeded", n, "").getBytes(StandardCharsets.UTF_8);
    }

    /** A well-formed callback padded (in its metadata) to at least {@code size} bytes. */
    static byte[] padded(String runId, int n, int size) {
        String padding = ",\"padding\":\"" + "x".repeat(Math.max(0, size)) + "\"";
        return json(runId, "run.completed", "succeeded", n, padding).getBytes(StandardCharsets.UTF_8);
    }

    /** The same callback with another status: what an attacker would change. */
    static byte[] tampered(String runId, int n) {
        return json(runId, "run.failed", "failed", n, "").getBytes(StandardCharsets.UTF_8);
    }

    private static String json(String runId, String event, String status, int n, String extraMetadata) {
        int seconds = n % 60;
        return "{\"event\":\"" + event + "\",\"run_id\":\"" + runId + "\",\"status\":\"" + status + "\","
                + "\"output\":{\"outputs\":[{\"type\":\"image\",\"url\":\"https://assets.invalid/" + runId
                + ".jpg\"}]},\"duration_ms\":" + (1_000 + n % 9_000) + ","
                + "\"created_at\":\"2026-12-01T10:00:" + two(seconds) + ".123456+00:00\","
                + "\"completed_at\":\"2026-12-01T10:01:" + two(seconds) + ".654321+00:00\","
                + "\"metadata\":{\"order\":\"load-" + n + "\"" + extraMetadata + "}}";
    }

    private static String two(int value) {
        return value < 10 ? "0" + value : Integer.toString(value);
    }
}
